"""Ways to start a bundle: the scaffold (`wiazki new`), the issue form parser, issue → pull request."""

// The editor's live preview: the bundle page as the site renders it
// (templates/wiazki/bundle.html, canvas.html, design.html), with the site's
// stylesheets. Elements are built with React's createElement (Decap's `h`), so every
// value a person typed is text, never markup. The Markdown description goes through
// Decap's own preview of the field, sanitised (`sanitize_preview` in config.yml).

const MONTHS = [
  "stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca",
  "lipca", "sierpnia", "września", "października", "listopada", "grudnia",
];

export function polishDate(value) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(value || ""));
  if (!m) return value ? String(value) : "";
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

export function plural(n, one, few, many) {
  n = Math.abs(n);
  if (n === 1) return one;
  if (n % 10 >= 2 && n % 10 <= 4 && !(n % 100 >= 12 && n % 100 <= 14)) return few;
  return many;
}

const NBSP = "\u00a0";

export function amount(value) {
  const n = Number(value);
  if (!Number.isFinite(n)) return String(value);
  const [int, frac] = Math.abs(n).toFixed(Number.isInteger(n) ? 0 : 2).split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  return `${n < 0 ? "-" : ""}${grouped}${frac ? "," + frac : ""}${NBSP}zł`;
}

function optionLabels(fields) {
  // Vocabulary labels, read from the select widgets of the generated configuration.
  const labels = {};
  const walk = (list, prefix) => {
    for (const f of list || []) {
      const path = prefix ? `${prefix}.${f.name}` : f.name;
      if (f.widget === "select") labels[path] = Object.fromEntries(f.options.map((o) => [o.value, o.label]));
      if (f.fields) walk(f.fields, path);
    }
  };
  walk(fields, "");
  return labels;
}

const filled = (v) => v !== undefined && v !== null && v !== "" && !(Array.isArray(v) && v.length === 0)
  && !(typeof v === "object" && !Array.isArray(v) && Object.keys(v).length === 0);

// Decap's preview frame is a bare document: give it the language, a title, and
// keyboard scrolling (the page scrolls, and has no focusable element of its own).
function markFrame(element) {
  if (!element) return;
  const root = element.ownerDocument.documentElement;
  root.lang = "pl";
  root.tabIndex = 0;
  if (!element.ownerDocument.title) element.ownerDocument.title = "Podgląd wiązki";
  const frame = element.ownerDocument.defaultView && element.ownerDocument.defaultView.frameElement;
  if (frame && !frame.title) frame.title = "Podgląd wiązki";
}

export function bundlePreview(h, data, labels) {
  const label = (path, key) => (labels[path] && labels[path][key]) || key || "";
  // Field labels come from the field tree (editor_data's `labels`), as on the page.
  const L = (path) => data.labels.bundle[path] || path;
  const S = "canvas.value_proposition.services[].";
  // A value of a field the page shows generically (templates.shown_value): vocabulary
  // ids as labels, dates in Polish, lists joined with "; ".
  const shown = (path, value) => {
    if (Array.isArray(value)) return value.map((v) => shown(`${path}[]`, v)).join("; ");
    if (value && typeof value === "object") {
      return Object.entries(value).map(([k, v]) => `${L(`${path}.${k}`)}: ${shown(`${path}.${k}`, v)}`).join("; ");
    }
    if (typeof value === "boolean") return value ? "tak" : "nie";
    if (/^\d{4}-\d{2}-\d{2}$/.test(String(value))) return polishDate(value);
    return label(path.replace(/\[\]/g, ""), String(value));
  };
  // The <dt>/<dd> rows of the fields the model does not name (macros.html `more_facts`).
  const more = (path, object, prefix = path ? `${path}.` : "") => (data.more[path] || [])
    .filter((name) => object && filled(object[name]))
    .flatMap((name) => [h("dt", { key: `m-${name}` }, L(prefix + name)),
      h("dd", { key: `v-${name}` }, shown(prefix + name, object[name]))]);
  const partner = (id) => data.partners[id] || id || "";
  const empty = () => h("p", { className: "wiazki-empty" }, "do uzupełnienia");
  const texts = (items) =>
    Array.isArray(items) && items.length ? h("ul", null, ...items.map((t, i) => h("li", { key: i }, String(t)))) : empty();

  return function render(entry, description) {
    const b = entry || {};
    const canvas = b.canvas || {};
    const vp = canvas.value_proposition || {};
    const services = Array.isArray(vp.services) ? vp.services : [];
    const design = b.design || {};
    const stages = data.design_stages.map(([id]) => id);
    const current = stages.includes(b.stage) ? stages.indexOf(b.stage) : stages.length;
    const groups = [...new Set((canvas.customer_segments || []).map((s) => s && s.group).filter(Boolean))];
    const status = b.stage === "available" ? "available" : b.stage === "closed" ? "closed" : "design";
    const stateText = { done: "etap ukończony", current: "etap bieżący", todo: "etap przed nami" };

    const facts = [
      h("dt", { key: "s" }, L("stage")), h("dd", { key: "s2" }, label("stage", b.stage)),
      h("dt", { key: "t" }, L("territory")),
      h("dd", { key: "t2" }, (b.territory || []).map((c) => data.teryt[c] || c).join("; ")),
      h("dt", { key: "f" }, L("facilitator")), h("dd", { key: "f2" }, partner(b.facilitator)),
    ];
    if (groups.length) {
      facts.push(h("dt", { key: "g" }, "Dla kogo"),
        h("dd", { key: "g2" }, groups.map((g) => label("canvas.customer_segments.group", g)).join(", ")));
    }
    facts.push(h("dt", { key: "r" }, "Stan na"), h("dd", { key: "r2" }, h("time", { dateTime: b.reviewed || "" }, polishDate(b.reviewed))),
      ...more("", b));

    const stageSection = h("section", { className: "wiazki-stage", "aria-labelledby": "etap" },
      h("h2", { id: "etap" }, "Etap projektowania"),
      h("ol", { className: "wiazki-progress" }, ...data.design_stages.map(([id, name], i) => {
        const state = i < current ? "done" : i === current ? "current" : "todo";
        return h("li", { key: id, className: state, "aria-current": state === "current" ? "step" : undefined },
          name + " ", h("span", { className: "wiazki-sr-only" }, `(${stateText[state]})`));
      })),
      status === "available" ? h("p", null, "Projektowanie zakończone: usługi wiązki są świadczone.")
        : status === "closed" ? h("p", null, "Wiązka jest zakończona: usługi nie są już świadczone.")
          : h("p", null, `Bieżący etap: ${label("stage", b.stage)} (${current + 1} z 5).`));

    const serviceSection = h("section", { className: "wiazki-services", "aria-labelledby": "uslugi" },
      h("h2", { id: "uslugi" }, L("canvas.value_proposition.services")),
      ...(services.length ? services.map((s, i) => h("section", { className: "wiazki-service", key: i },
        h("h3", { id: `usluga-${i + 1}` }, s.name || ""),
        h("p", null, s.description || ""),
        h("dl", { className: "wiazki-facts" },
          h("dt", null, L(`${S}type`)), h("dd", null, label("canvas.value_proposition.services.type", s.type)),
          h("dt", null, L(`${S}area`)), h("dd", null, label("canvas.value_proposition.services.area", s.area)),
          h("dt", null, L(`${S}provider`)), h("dd", null, partner(s.provider)),
          h("dt", null, "Jak skorzystać"), h("dd", null, s.access || ""),
          h("dt", null, L(`${S}fee`)),
          h("dd", null, label("canvas.value_proposition.services.fee", s.fee) + (s.fee_note ? `. ${s.fee_note}` : "")),
          ...more(S.slice(0, -1), s, S)))) : [empty()]));

    const block = (name) => {
      const value = name === "value_proposition" ? vp : canvas[name];
      let body;
      if (!filled(value) || (name === "value_proposition" && !vp.summary && !services.length)) body = empty();
      else if (name === "key_partners") {
        body = h("ul", null, ...value.map((k, i) => h("li", { key: i },
          `${partner(k.partner)} – ${label("canvas.key_partners.role", k.role)}: ${k.contribution || ""}`)));
      } else if (name === "value_proposition") {
        body = h("div", null, vp.summary ? h("p", null, vp.summary) : null,
          services.length ? h("ul", null, ...services.map((s, i) => h("li", { key: i },
            `${s.name || ""} (${label("canvas.value_proposition.services.type", s.type).toLowerCase()})`))) : null);
      } else if (name === "customer_segments") {
        body = h("ul", null, ...value.map((s, i) => h("li", { key: i },
          h("strong", null, label("canvas.customer_segments.group", s.group)), `: ${s.description || ""}`)));
      } else if (name === "cost_structure" || name === "revenue_streams") {
        const costs = name === "cost_structure";
        const withAmount = value.filter((x) => x && x.amount_pln !== undefined && x.amount_pln !== "");
        const total = withAmount.reduce((sum, x) => sum + Number(x.amount_pln), 0);
        body = h("div", null,
          h("ul", null, ...value.map((x, i) => {
            const money = x.amount_pln !== undefined && x.amount_pln !== "" ? amount(x.amount_pln) : null;
            const period = x.period ? ` (${x.period})` : "";
            return costs
              ? h("li", { key: i }, `${x.item || ""}${money ? ": " + money : ""}${period}`)
              : h("li", { key: i }, h("strong", null, label("canvas.revenue_streams.source", x.source)),
                `: ${x.description || ""}${money ? " – " + money : ""}${period}`);
          })),
          withAmount.length ? h("p", { className: "wiazki-total" },
            h("strong", null, `Razem ${costs ? "koszty" : "przychody"}: ${amount(total)}`)) : null);
      } else body = texts(value);
      return h("section", { key: name, className: `wiazki-block wiazki-block--${name}` },
        h("h3", { id: `canvas-${name.replace(/_/g, "-")}` }, L(`canvas.${name}`)), body);
    };

    const canvasSection = h("section", { className: "wiazki-canvas", "aria-labelledby": "canvas" },
      h("h2", { id: "canvas" }, L("canvas")), ...data.canvas_order.map(block),
      filled(more("canvas", canvas)) ? h("dl", { className: "wiazki-facts" }, ...more("canvas", canvas)) : null);

    const stageBody = (id) => {
      const s = design[id];
      if (!filled(s)) return [empty()];
      const D = (name) => L(`design.${id}.${name}`);
      if (id === "discover") return [h("h4", null, D("methods")), texts(s.methods), h("h4", null, D("findings")), texts(s.findings)];
      if (id === "define") {
        return [s.challenge ? h("p", null, h("strong", null, `${D("challenge")}:`), ` ${s.challenge}`) : null,
          h("h4", null, D("needs")), texts(s.needs)];
      }
      if (id === "ideate") {
        return [h("h4", null, D("ideas")), texts(s.ideas),
          s.chosen ? h("p", null, h("strong", null, `${D("chosen")}:`), ` ${s.chosen}`) : null];
      }
      if (id === "prototype") {
        const tests = Array.isArray(s.tests) ? s.tests : [];
        if (!tests.length) return [empty()];
        return tests.flatMap((t, i) => {
          const n = Number(t.participants) || 0;
          return [
            h("h4", { key: `h${i}` }, "Test z ", h("time", { dateTime: t.date || "" }, polishDate(t.date)),
              ` (${n} ${plural(n, "uczestnik", "uczestników", "uczestników")})`),
            h("p", { key: `m${i}` }, t.method || ""),
            filled(t.feedback) ? h("p", { key: `f${i}` }, h("strong", null, `${D("tests[].feedback")}:`)) : null,
            filled(t.feedback) ? h("div", { key: `fl${i}` }, texts(t.feedback)) : null,
            filled(t.changes) ? h("p", { key: `c${i}` }, h("strong", null, "Wprowadzone zmiany:")) : null,
            filled(t.changes) ? h("div", { key: `cl${i}` }, texts(t.changes)) : null,
          ];
        });
      }
      return [
        s.start ? h("p", null, h("strong", null, "Start usług:"), " ", h("time", { dateTime: s.start }, polishDate(s.start))) : null,
        filled(s.milestones) ? h("h4", null, D("milestones")) : null,
        filled(s.milestones) ? h("ul", null, ...s.milestones.map((m, i) => h("li", { key: i },
          h("time", { dateTime: m.date || "" }, polishDate(m.date)), `: ${m.milestone || ""}`))) : null,
        filled(s.risks) ? h("h4", null, D("risks")) : null,
        filled(s.risks) ? texts(s.risks) : null,
      ];
    };

    const designSection = h("section", { className: "wiazki-design", "aria-labelledby": "design-thinking" },
      h("h2", { id: "design-thinking" }, "Proces Design Thinking"),
      ...data.design_stages.map(([id, name], i) => h("section", { key: id, className: "wiazki-design-stage" },
        h("h3", { id: `dt-${id}` }, `${i + 1}. ${name}`), ...stageBody(id),
        // The section's fields the model does not name (design.html, `section_extra`).
        filled(design[id]) && filled(more(`design.${id}`, design[id]))
          ? h("dl", { className: "wiazki-facts" }, ...more(`design.${id}`, design[id])) : null)));

    return h("div", { className: "md-typeset", ref: markFrame },
      h("div", { className: "wiazki-page wiazki-bundle" },
        h("h1", { id: "wiazka" }, b.title || "(bez tytułu)"),
        h("p", { className: "wiazki-lead" }, b.summary || ""),
        h("dl", { className: "wiazki-facts" }, ...facts),
        stageSection,
        description ? h("section", { className: "wiazki-description", "aria-labelledby": "opis" },
          h("h2", { id: "opis" }, L("description")), description) : null,
        serviceSection, canvasSection, designSection));
  };
}

export function registerPreviews(CMS, config, data, styles) {
  const h = window.h;
  for (const url of styles) CMS.registerPreviewStyle(new URL(url, window.location.href).href);
  const bundles = config.collections.find((c) => c.name === "bundles");
  const render = bundlePreview(h, data, optionLabels(bundles.fields));
  CMS.registerPreviewTemplate("bundles", ({ entry, widgetFor }) => {
    const value = entry.get("data");
    const plain = value && value.toJS ? value.toJS() : {};
    return render(plain, plain.description ? widgetFor("description") : null);
  });
}

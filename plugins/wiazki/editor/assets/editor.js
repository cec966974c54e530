// The browser editor (/admin/): our YAML file format for Decap CMS, the canvas
// preview, and the start of Decap with the generated configuration.
//
// Decap's own YAML writer drops comments, folds long lines and leaves `""` behind
// when a person clears an optional field (see the architecture notes). Ours keeps
// the file's leading comments (the `# yaml-language-server` header first), writes
// keys in the format's order, drops empty texts, lists and objects the format does
// not require, and writes multi-line text (Markdown) as literal blocks.
import { parse, parseDocument, Document } from "./yaml/index.js";
import { registerPreviews } from "./wiazki-preview.js";

// Decap keeps keys the form does not know: the header travels with the entry under it.
const HEADER_KEY = "__wiazki_header";

function isEmpty(value) {
  if (value === null || value === undefined || value === "") return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === "object") return Object.keys(value).length === 0;
  return false;
}

// The configuration's fields as an order tree: {name: {fields | item}}.
function orderTree(fields) {
  const tree = new Map();
  for (const field of fields || []) {
    const node = {};
    if (field.fields) node.fields = orderTree(field.fields);
    if (field.field) node.item = orderTree([{ ...field.field, name: "" }]).get("");
    tree.set(field.name, node);
  }
  return tree;
}

// `value` with keys in the format's order, empty values dropped (except where
// `required` lists the path), and numbers left as numbers.
export function clean(value, node, path, required) {
  if (Array.isArray(value)) {
    const itemPath = path + "[]";
    const items = value
      .map((item) => clean(item, node && node.fields ? { fields: node.fields } : node && node.item, itemPath, required))
      .filter((item) => !isEmpty(item));
    return items.length || required.has(path) ? items : undefined;
  }
  if (value !== null && typeof value === "object") {
    const out = {};
    const fields = node && node.fields ? node.fields : new Map();
    const keys = [...fields.keys()].filter((k) => k in value);
    for (const key of Object.keys(value)) if (!fields.has(key)) keys.push(key);
    for (const key of keys) {
      if (key === HEADER_KEY) continue;
      const sub = clean(value[key], fields.get(key), path ? `${path}.${key}` : key, required);
      if (!isEmpty(sub) || (sub !== undefined && required.has(path ? `${path}.${key}` : key))) out[key] = sub;
    }
    return Object.keys(out).length || required.has(path) || path === "" ? out : undefined;
  }
  if (typeof value === "string" && value === "") return undefined;
  return value === null ? undefined : value;
}

export function makeFormat(collection, header, requiredPaths) {
  const tree = orderTree(collection.fields);
  const required = new Set(requiredPaths);
  return {
    fromFile(text) {
      const doc = parseDocument(text, { uniqueKeys: true });
      if (doc.errors.length) throw doc.errors[0];
      const data = doc.toJS() || {};
      if (doc.commentBefore) data[HEADER_KEY] = doc.commentBefore;
      return data;
    },
    toFile(data) {
      const comment = typeof data[HEADER_KEY] === "string" ? data[HEADER_KEY] : "";
      const lines = comment.split("\n").map((line) => "#" + line);
      const kept = lines.filter((line) => line.trim() !== "#" && !line.startsWith("# yaml-language-server:"));
      const body = new Document(clean(data, { fields: tree }, "", required), { aliasDuplicateObjects: false });
      const yamlText = body.toString({
        lineWidth: 0,
        blockQuote: "literal",
        defaultStringType: "PLAIN",
        indentSeq: true,
      });
      return [header, ...kept, yamlText].join("\n");
    },
  };
}

async function start() {
  const settings = JSON.parse(document.getElementById("wiazki-editor-settings").textContent);
  const [configText, data] = await Promise.all([
    fetch("config.yml").then((r) => r.text()),
    fetch(settings.data).then((r) => r.json()),
  ]);
  const config = parse(configText);
  const CMS = window.CMS;
  for (const collection of config.collections) {
    const format = makeFormat(collection, data.headers[collection.name], data.required[collection.name]);
    CMS.registerCustomFormat(collection.format, collection.extension, format);
  }
  registerPreviews(CMS, config, data, settings.styles);
  CMS.init({ config: { ...config, load_config_file: false } });
}

// Exposed for the tests (and for a curious person in the console).
window.wiazkiEditor = { makeFormat, clean, parse };
if (window.CMS && !window.wiazkiEditorNoStart) start();

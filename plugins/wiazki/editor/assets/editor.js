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

// `value` with keys in the format's order and empty values dropped. An object whose
// values are all empty is empty itself (Decap gives untouched lists `[]`); a list or
// object the format requires stays, empty, in an object that has something else.
export function clean(value, node, path, required) {
  if (Array.isArray(value)) {
    const itemNode = node && node.fields ? { fields: node.fields } : node && node.item;
    const items = value.map((item) => clean(item, itemNode, path + "[]", required)).filter((item) => !isEmpty(item));
    return items.length ? items : undefined;
  }
  if (value !== null && typeof value === "object") {
    const fields = node && node.fields ? node.fields : new Map();
    const keys = [...fields.keys()].filter((k) => k in value);
    for (const key of Object.keys(value)) if (!fields.has(key)) keys.push(key);
    const kept = {};
    for (const key of keys) {
      const sub = clean(value[key], fields.get(key), path ? `${path}.${key}` : key, required);
      if (!isEmpty(sub)) kept[key] = sub;
    }
    if (!Object.keys(kept).length && path !== "") return undefined;
    const out = {};
    for (const key of keys) {
      const full = path ? `${path}.${key}` : key;
      if (key in kept) out[key] = kept[key];
      else if (required.has(full) && value[key] !== null && typeof value[key] === "object") {
        out[key] = Array.isArray(value[key]) ? [] : {};
      }
    }
    return out;
  }
  if (typeof value === "string" && value === "") return undefined;
  return value === null ? undefined : value;
}

export function makeFormat(collection, header, requiredPaths) {
  const tree = orderTree(collection.fields);
  const required = new Set(requiredPaths);
  // The leading comments of each file read, by id (= file name): toFile gets only
  // the entry's data, and Decap drops keys its form does not know.
  const comments = new Map();
  return {
    fromFile(text) {
      const doc = parseDocument(text, { uniqueKeys: true });
      if (doc.errors.length) throw doc.errors[0];
      const data = doc.toJS() || {};
      const leading = [];
      for (const line of text.replace(/^\uFEFF/, "").split(/\r?\n/)) {
        if (!line.startsWith("#")) break;
        leading.push(line);
      }
      if (data && typeof data.id === "string") comments.set(data.id, leading);
      return data;
    },
    toFile(data) {
      const kept = (comments.get(data.id) || []).filter((line) => !line.startsWith("# yaml-language-server:"));
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

// The basics of accessibility, checked on the page as the browser shows it: a language, one h1,
// headings in order, a label for every form control, alt text for every image, and a contrast
// of at least 4.5:1 (3:1 for large text) between every visible text and the background behind it
// (inactive controls are exempt, as WCAG 1.4.3 says).
// Returns the problems found, as sentences.
const problems = [];
if (!document.documentElement.lang) {
  problems.push("the page has no lang attribute");
}
const h1 = document.querySelectorAll("h1").length;
if (h1 !== 1) {
  problems.push(`the page has ${h1} h1 elements, not 1`);
}
let previous = 0;
for (const heading of document.querySelectorAll("h1, h2, h3, h4, h5, h6")) {
  const level = Number(heading.tagName.substring(1));
  if (level > previous + 1) {
    problems.push(`heading "${heading.textContent.trim().substring(0, 40)}" is an h${level} after an h${previous}`);
  }
  previous = level;
}
for (const control of document.querySelectorAll("input:not([type=hidden]), select, textarea")) {
  const labelled = (control.labels && control.labels.length > 0) || control.getAttribute("aria-label")
    || control.getAttribute("aria-labelledby") || control.getAttribute("title");
  if (!labelled) {
    problems.push(`a ${control.tagName.toLowerCase()} (${control.className || control.name || control.id}) has no label`);
  }
}
for (const image of document.querySelectorAll("img")) {
  if (!image.hasAttribute("alt")) {
    problems.push(`an image (${image.src}) has no alt text`);
  }
}

function rgba(text) {
  const m = text.match(/rgba?\(([^)]+)\)/);
  if (!m) return [0, 0, 0, 0];
  const parts = m[1].split(/[ ,/]+/).filter((p) => p).map(Number);
  return [parts[0], parts[1], parts[2], parts.length > 3 ? parts[3] : 1];
}
function luminance([r, g, b]) {
  const c = [r, g, b].map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
  });
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}
/** The opaque colour behind an element: its own background, or its ancestors', over white. */
function background(element) {
  const layers = [];
  for (let e = element; e && e.nodeType === 1; e = e.parentElement) {
    const colour = rgba(getComputedStyle(e).backgroundColor);
    if (colour[3] > 0) {
      layers.push(colour);
      if (colour[3] >= 1) break;
    }
  }
  let result = [255, 255, 255];
  for (const [r, g, b, a] of layers.reverse()) {
    result = [r * a + result[0] * (1 - a), g * a + result[1] * (1 - a), b * a + result[2] * (1 - a)];
  }
  return result;
}
const seen = new Set();
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  const element = node.parentElement;
  if (!node.textContent.trim() || seen.has(element)) continue;
  seen.add(element);
  const style = getComputedStyle(element);
  const box = element.getBoundingClientRect();
  if (box.width === 0 || box.height === 0 || style.visibility === "hidden" || Number(style.opacity) === 0) continue;
  // WCAG exempts inactive controls from the contrast rule.
  if (element.closest("[disabled], [aria-disabled=true]")) continue;
  const [r, g, b, a] = rgba(style.color);
  const back = background(element);
  const fore = [r * a + back[0] * (1 - a), g * a + back[1] * (1 - a), b * a + back[2] * (1 - a)];
  const [l1, l2] = [luminance(fore), luminance(back)].sort((x, y) => y - x);
  const ratio = (l1 + 0.05) / (l2 + 0.05);
  const size = parseFloat(style.fontSize);
  const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
  if (ratio < (large ? 3 : 4.5)) {
    problems.push(`text "${node.textContent.trim().substring(0, 30)}" (${element.tagName.toLowerCase()}.${element.className}) has contrast ${ratio.toFixed(2)}:1`);
  }
}
return problems;

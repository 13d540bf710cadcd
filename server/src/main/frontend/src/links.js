/** The project's IRIs answer on this server at the path after the project root, as a w3id redirect would send them. */
export const PROJECT_ROOT = "https://w3id.org/tariffgraph/";

/** Where a link to an IRI goes: its page here for a project IRI, the IRI itself otherwise. */
export function localHref(iri) {
  return iri.startsWith(PROJECT_ROOT) ? "/" + iri.substring(PROJECT_ROOT.length) : iri;
}

/** Fetches a JSON resource of the server; a failure says which one. */
export async function fetchJson(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) {
    throw new Error(`${url} answered ${response.status}`);
  }
  return response.json();
}

/** Shows a problem on the page, as text, in the element with role="status". */
export function showProblem(message) {
  const status = document.querySelector("[role=status]");
  if (status) {
    status.textContent = message;
    status.classList.add("problem");
  }
}

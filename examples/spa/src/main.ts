import {
  AssetDetailDocument,
  type AssetFilter,
  AssetListDocument,
  type AssetListQueryVariables,
  type AssetRepairPriority,
  AssetTypesDocument,
  CreateAssetRepairDocument,
  createClient,
  GatewayError,
  MeDocument,
} from "../../../sdk/client";
import { uploadFile } from "../../../sdk/files";
// The session logic the gateway's own GraphiQL page uses too.
import { GatewaySession, type Session } from "../../../src/browser/session";

/** Where the gateway runs; it must list this app's origin in NEXUS_CORS_ORIGINS. */
const GATEWAY_URL = (import.meta.env.VITE_NEXUS_GATEWAY_URL as string | undefined) ?? "http://localhost:4000";
const PAGE_SIZE = 5;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const session = new GatewaySession({ gatewayUrl: GATEWAY_URL, onChange: (current) => void showSession(current) });
const nexus = createClient({ url: `${GATEWAY_URL}/graphql`, token: () => session.token, fetch: session.fetch });

let filter: AssetFilter | undefined;
let page: Pick<AssetListQueryVariables, "first" | "last" | "after" | "before"> = { first: PAGE_SIZE };
let pageNumber = 1;
let cursors = { start: null as string | null, end: null as string | null };
let openAssetId: string | null = null;

function show(view: "sign-in" | "inventory" | "asset" | null): void {
  for (const id of ["sign-in", "inventory", "asset"]) $(id).hidden = id !== view;
}

function report(error: unknown): void {
  $("error").textContent = error instanceof Error ? error.message : String(error);
}

function clearError(): void {
  $("error").textContent = "";
}

async function showSession(current: Session | null): Promise<void> {
  $("sign-out").hidden = current === null;
  if (current === null) {
    $("who").textContent = "";
    show("sign-in");
    return;
  }
  const { user } = await nexus.request(MeDocument, { rowId: current.userId });
  $("who").textContent = user ? `${user.email} · ${user.tenant?.name ?? ""}` : "";
}

async function loadTypes(): Promise<void> {
  const select = $<HTMLSelectElement>("type-filter");
  select.length = 1;
  const { assetTypes } = await nexus.request(AssetTypesDocument);
  for (const type of assetTypes?.nodes ?? []) select.append(new Option(type.name, type.rowId));
}

async function loadAssets(): Promise<void> {
  const { assets } = await nexus.request(AssetListDocument, { ...page, filter });
  const rows = $("asset-rows");
  rows.replaceChildren();
  for (const asset of assets?.nodes ?? []) {
    const row = document.createElement("tr");
    row.dataset.rowId = asset.rowId;
    for (const text of [
      asset.name,
      asset.serialNumber ?? "",
      asset.model?.name ?? "",
      asset.model?.assetType?.name ?? "",
      String(asset.quantity),
    ]) {
      const cell = document.createElement("td");
      cell.textContent = text;
      row.append(cell);
    }
    row.addEventListener("click", () => void openAsset(asset.rowId).catch(report));
    rows.append(row);
  }
  const total = assets?.totalCount ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  $("page-info").textContent = `Page ${pageNumber} of ${pages} · ${total} asset${total === 1 ? "" : "s"}`;
  cursors = { start: assets?.pageInfo.startCursor ?? null, end: assets?.pageInfo.endCursor ?? null };
  $<HTMLButtonElement>("previous").disabled = pageNumber <= 1;
  $<HTMLButtonElement>("next").disabled = pageNumber >= pages;
  show("inventory");
}

function fact(list: HTMLElement, term: string, value: string): void {
  const dt = document.createElement("dt");
  dt.textContent = term;
  const dd = document.createElement("dd");
  dd.textContent = value;
  list.append(dt, dd);
}

function item(list: HTMLElement, text: string): void {
  const li = document.createElement("li");
  li.textContent = text;
  list.append(li);
}

async function openAsset(rowId: string): Promise<void> {
  clearError();
  const { asset } = await nexus.request(AssetDetailDocument, { rowId });
  if (!asset) throw new Error("This asset is gone.");
  openAssetId = asset.rowId;
  $("asset-name").textContent = asset.name;
  const facts = $("asset-facts");
  facts.replaceChildren();
  fact(facts, "Serial number", asset.serialNumber ?? "—");
  fact(facts, "Quantity", String(asset.quantity));
  fact(facts, "Model", asset.model?.name ?? "—");
  fact(facts, "Manufacturer", asset.model?.manufacturer?.name ?? "—");
  fact(facts, "Type", asset.model?.assetType?.name ?? "—");
  fact(facts, "End of support", asset.model?.endOfSupport ?? "—");
  const assignments = $("assignments");
  assignments.replaceChildren();
  for (const a of asset.assetAssignments.nodes) {
    const who = a.person?.currentIdentity
      ? `${a.person.currentIdentity.firstName} ${a.person.currentIdentity.lastName}`
      : (a.location?.name ?? "—");
    item(assignments, `${who} since ${a.startDate}${a.endDate ? ` until ${a.endDate}` : ""}`);
  }
  if (asset.assetAssignments.nodes.length === 0) item(assignments, "Nobody");
  const repairs = $("repairs");
  repairs.replaceChildren();
  for (const r of asset.assetRepairs.nodes) {
    item(repairs, `${r.title} — ${r.status}, ${r.priority}`);
    const entry = repairs.lastElementChild as HTMLElement;
    // The signed url works in <img src> without the bearer token, for a few minutes: enough to show it.
    for (const photo of r.attachmentsList ?? []) {
      if (!photo.url || !photo.contentType?.startsWith("image/")) continue;
      const img = document.createElement("img");
      img.src = photo.url;
      img.alt = photo.name;
      img.className = "attachment";
      entry.append(img);
    }
    entry.append(attachForm(r.rowId));
  }
  if (asset.assetRepairs.nodes.length === 0) item(repairs, "None");
  show("asset");
}

/** A file input that attaches a photo to a repair, then shows the asset again with it. */
function attachForm(repairId: string): HTMLElement {
  const label = document.createElement("label");
  label.className = "attach";
  label.textContent = "Attach a photo ";
  const input = document.createElement("input");
  input.type = "file";
  input.accept = "image/png,image/jpeg,image/gif,image/webp";
  input.dataset.repairId = repairId;
  input.addEventListener("change", () => {
    const file = input.files?.[0];
    if (!file || !openAssetId) return;
    const assetId = openAssetId;
    clearError();
    uploadFile({ url: `${GATEWAY_URL}/graphql`, token: () => session.token, fetch: session.fetch }, file, {
      belongsTo: "assets.asset_repairs",
      belongsToId: repairId,
      belongsToColumn: "attachments",
    })
      .then(() => openAsset(assetId))
      .catch(report);
  });
  label.append(input);
  return label;
}

async function startInventory(): Promise<void> {
  filter = undefined;
  page = { first: PAGE_SIZE };
  pageNumber = 1;
  await loadTypes();
  await loadAssets();
}

$("sign-in").addEventListener("submit", (event) => {
  event.preventDefault();
  clearError();
  session
    .login($<HTMLInputElement>("email").value, $<HTMLInputElement>("password").value)
    .then(() => {
      $<HTMLInputElement>("password").value = "";
      return startInventory();
    })
    .catch(report);
});

$("sign-out").addEventListener("click", () => {
  clearError();
  void session.logout().catch(report);
});

$("filters").addEventListener("submit", (event) => {
  event.preventDefault();
  clearError();
  const typeId = $<HTMLSelectElement>("type-filter").value;
  const serial = $<HTMLInputElement>("serial-filter").value.trim();
  const parts: AssetFilter[] = [];
  if (typeId) parts.push({ model: { assetTypeId: { equalTo: typeId } } });
  if (serial) parts.push({ serialNumber: { includesInsensitive: serial } });
  filter = parts.length ? { and: parts } : undefined;
  page = { first: PAGE_SIZE };
  pageNumber = 1;
  loadAssets().catch(report);
});

$("next").addEventListener("click", () => {
  page = { first: PAGE_SIZE, after: cursors.end };
  pageNumber += 1;
  loadAssets().catch(report);
});

$("previous").addEventListener("click", () => {
  page = { last: PAGE_SIZE, before: cursors.start };
  pageNumber -= 1;
  loadAssets().catch(report);
});

$("back").addEventListener("click", () => {
  clearError();
  loadAssets().catch(report);
});

$("repair-form").addEventListener("submit", (event) => {
  event.preventDefault();
  clearError();
  if (!openAssetId) return;
  const assetId = openAssetId;
  const title = $<HTMLInputElement>("repair-title");
  nexus
    .request(CreateAssetRepairDocument, {
      assetId,
      title: title.value,
      priority: $<HTMLSelectElement>("repair-priority").value as AssetRepairPriority,
    })
    .then(() => {
      title.value = "";
      return openAsset(assetId);
    })
    .catch((error: unknown) =>
      report(error instanceof GatewayError && error.codes.includes("FORBIDDEN") ? new Error("You may not report repairs.") : error),
    );
});

session
  .resume()
  .then((resumed) => (resumed ? startInventory() : show("sign-in")))
  .catch(report);

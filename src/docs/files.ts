import fs from "node:fs/promises";
import path from "node:path";

import { byCodeUnits } from "./introspect";
import type { DocPages } from "./render";

/**
 * docs/database on disk. Every `.md` file under it is generated: a page the
 * database no longer produces is removed, and a page is rewritten only when
 * its bytes change, so an unchanged schema leaves the tree (and its mtimes)
 * alone.
 */

export interface DocsDifference {
  /** Pages whose content differs from what the database gives. */
  stale: string[];
  /** Pages the database gives that are not on disk. */
  missing: string[];
  /** Pages on disk that the database no longer gives. */
  extra: string[];
}

/** Relative paths (with `/`) of the `.md` files under `dir`, or none when it does not exist. */
async function pagesOnDisk(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".md"))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort(byCodeUnits);
}

async function readIfExists(file: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

export async function comparePages(dir: string, pages: DocPages): Promise<DocsDifference> {
  const difference: DocsDifference = { stale: [], missing: [], extra: [] };
  for (const [page, content] of pages) {
    const existing = await readIfExists(path.join(dir, page));
    if (existing === null) difference.missing.push(page);
    else if (!existing.equals(Buffer.from(content, "utf8"))) difference.stale.push(page);
  }
  difference.extra = (await pagesOnDisk(dir)).filter((page) => !pages.has(page));
  return difference;
}

export function isCurrent(difference: DocsDifference): boolean {
  return !difference.stale.length && !difference.missing.length && !difference.extra.length;
}

/** One line per differing page: `stale   platform/users.md`. */
export function formatDifference(difference: DocsDifference): string[] {
  return [
    ...difference.stale.map((page) => `stale    ${page}`),
    ...difference.missing.map((page) => `missing  ${page}`),
    ...difference.extra.map((page) => `extra    ${page}`),
  ];
}

/**
 * Brings `dir` to exactly `pages`. Each page is written to a temporary file
 * and renamed over the old one, so an interrupted run never leaves half a
 * page behind.
 */
export async function writePages(dir: string, pages: DocPages): Promise<DocsDifference> {
  const difference = await comparePages(dir, pages);
  for (const page of [...difference.missing, ...difference.stale]) {
    const file = path.join(dir, page);
    await fs.mkdir(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    await fs.writeFile(temporary, pages.get(page)!, "utf8");
    await fs.rename(temporary, file);
  }
  for (const page of difference.extra) {
    await fs.rm(path.join(dir, page));
    // A schema that no longer exists leaves an empty folder behind; remove it (never dir itself).
    let folder = path.dirname(path.join(dir, page));
    while (folder !== dir && folder.startsWith(dir)) {
      if ((await fs.readdir(folder)).length) break;
      await fs.rmdir(folder);
      folder = path.dirname(folder);
    }
  }
  return difference;
}

/**
 * customizations.xml against Microsoft's CustomizationsSolution.xsd with xmllint (libxml2). A fresh machine may have
 * neither the schema folder nor xmllint: the build then warns; where the check is required (CI) it fails.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

export const schemaFile = "CustomizationsSolution.xsd";

export type SchemaOutcome = { status: "valid"; schema: string } | { status: "unavailable"; reason: string };

export class SchemaError extends Error {}

/** FINOPS_SCHEMAS (relative to the repo root when relative), else ../shared/schemas next to the repo. */
export function schemasDirFor(repoRoot: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(repoRoot, env.FINOPS_SCHEMAS || join("..", "shared", "schemas"));
}

/** Why the check cannot run here, or undefined when xmllint and the schema are both present. */
export function schemaUnavailableReason(schemasDir: string, xmllint = "xmllint"): string | undefined {
  if (!existsSync(join(schemasDir, schemaFile))) {
    return `${join(schemasDir, schemaFile)} not found (set FINOPS_SCHEMAS to the folder holding Microsoft's customization XSDs)`;
  }
  const probe = spawnSync(xmllint, ["--version"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) return `${xmllint} not found (Debian: apt-get install libxml2-utils)`;
  return undefined;
}

/** Runs xmllint on the text; throws SchemaError with xmllint's messages when it is not valid. */
export function validateWithXmllint(xml: string, what: string, schemasDir: string, xmllint = "xmllint"): void {
  const schema = join(schemasDir, schemaFile);
  const run = spawnSync(xmllint, ["--noout", "--nonet", "--schema", schema, "-"], { input: xml, encoding: "utf8" });
  if (run.error) throw new SchemaError(`${what}: could not run ${xmllint}: ${run.error.message}`);
  if (run.status !== 0) {
    throw new SchemaError(`${what} is not valid against ${schema}:\n${(run.stderr || run.stdout).trim()}`);
  }
}

export function checkCustomizations(
  xml: string,
  options: { schemasDir: string; required: boolean; xmllint?: string },
): SchemaOutcome {
  const reason = schemaUnavailableReason(options.schemasDir, options.xmllint);
  if (reason) {
    if (options.required) throw new SchemaError(`customizations.xml must be schema-checked here, but ${reason}`);
    return { status: "unavailable", reason };
  }
  validateWithXmllint(xml, "customizations.xml", options.schemasDir, options.xmllint);
  return { status: "valid", schema: join(options.schemasDir, schemaFile) };
}

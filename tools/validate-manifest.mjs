#!/usr/bin/env node
// validate-manifest.mjs — validate a Teams app manifest against Microsoft's official JSON schema.
//
// Usage: node tools/validate-manifest.mjs <manifest.json>
//
// The schema is the one for the manifest's own "manifestVersion", read from the npm package
// "@microsoft/app-manifest" (json-schemas/teams/v<version>/MicrosoftTeams.schema.json): nothing is
// fetched from the internet. The Teams schemas are JSON Schema draft-04, so they are compiled with
// "ajv-draft-04" and "ajv-formats", with the options Microsoft's own tooling uses in that package
// (ManifestUtil.validateManifestAgainstSchema): all errors, no strict types, formats uri/email/regex.
//
// Output (stdout): one line per problem, "<json pointer or /> <message> <params>", then
// "manifest version <v>: N problems".
//
// Exit codes: 0 = valid; 1 = at least one problem; 2 = usage error (wrong arguments, file missing,
// not JSON, no manifestVersion, or no schema for that version in the package) — message on stderr.

import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

class UsageError extends Error {}
function usage(message) {
    throw new UsageError(message);
}

function readJson(file, what) {
    let text;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch {
        usage(`${what} not found: ${file}`);
    }
    try {
        // A byte order mark is allowed in manifests (Teams accepts it); JSON.parse is not.
        return JSON.parse(text.replace(/^\uFEFF/, ""));
    } catch (e) {
        usage(`${what} is not valid JSON: ${file}: ${e.message}`);
    }
}

function schemaFile(version) {
    let packageRoot;
    try {
        packageRoot = path.dirname(require.resolve("@microsoft/app-manifest/package.json"));
    } catch {
        usage("the npm package @microsoft/app-manifest is not installed: run `npm ci` in the repository");
    }
    const file = path.join(packageRoot, "build", "json-schemas", "teams", `v${version}`, "MicrosoftTeams.schema.json");
    if (!fs.existsSync(file)) {
        const shipped = fs.readdirSync(path.dirname(path.dirname(file))).sort().join(", ");
        usage(`@microsoft/app-manifest has no schema for manifest version ${version} (it ships ${shipped})`);
    }
    return file;
}

function main(args) {
    if (args.length !== 1 || !args[0]) usage("expected exactly one argument: the manifest.json file to validate");
    const manifest = readJson(args[0], "manifest");
    const version = manifest?.manifestVersion;
    if (typeof version !== "string" || !/^[0-9A-Za-z.]+$/.test(version)) usage(`${args[0]} has no manifestVersion string`);

    const Ajv04 = require("ajv-draft-04");
    const addFormats = require("ajv-formats");
    const ajv = new Ajv04({ allErrors: true, strictTypes: false });
    addFormats(ajv, ["uri", "email", "regex"]);
    const validate = ajv.compile(readJson(schemaFile(version), "schema"));

    const problems = validate(manifest) ? [] : validate.errors ?? [];
    for (const error of problems) {
        console.log(`${error.instancePath || "/"} ${error.message ?? ""} ${JSON.stringify(error.params ?? {})}`);
    }
    console.log(`manifest version ${version}: ${problems.length} problems`);
    return problems.length === 0 ? 0 : 1;
}

try {
    process.exitCode = main(process.argv.slice(2));
} catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`validate-manifest: ${e.message}`);
    process.exitCode = 2;
}

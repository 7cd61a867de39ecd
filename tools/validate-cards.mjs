#!/usr/bin/env node
// validate-cards.mjs — validate Adaptive Card JSON files with the official
// JavaScript library (npm "adaptivecards" 3.0.6).
//
// Usage: node validate-cards.mjs <dir>
//
// For every *.json file directly inside <dir> (not recursive, sorted by name)
// the card is parsed with AdaptiveCard.parse() using a SerializationContext
// that targets schema 1.5 (the highest version Teams renders), then
// AdaptiveCard.validateProperties() is run. Every event from either phase is a
// problem. Output (stdout): one line per problem,
//     <file>: <EventName>: <message>[ [at <type> id="<id>"]]
// then "N cards checked, M problems".
//
// Exit codes: 0 = no problems; 1 = at least one problem (a file that is not
// valid JSON counts as a problem, "InvalidJson"); 2 = usage error (wrong
// arguments, dir missing or not a directory, no *.json files, the
// adaptivecards package cannot be loaded) — message on stderr.
//
// Needs only the "adaptivecards" package. Its pre-built webpack bundle is
// self-contained (swiper is bundled in), and parsing/validation never touches
// the DOM, so no jsdom or window shim is needed.

import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const TARGET = "1.5"; // schema version Teams supports

class UsageError extends Error {}
function usage(msg) {
    throw new UsageError(msg);
}

// The package's "main" (lib/adaptivecards.js) is ES module source with
// extension-less imports that Node cannot resolve ("Cannot find module
// .../lib/strings"), so load the self-contained UMD bundle instead.
// Resolution: from this script's folder upwards (plus NODE_PATH), then from
// the current working directory upwards.
function loadAdaptiveCards() {
    const id = "adaptivecards/dist/adaptivecards.js";
    try {
        return createRequire(import.meta.url)(id);
    } catch (first) {
        try {
            return createRequire(path.join(process.cwd(), "noop.js"))(id);
        } catch {
            throw first;
        }
    }
}

function main(args) {
    if (args.length !== 1 || !args[0]) usage("expected exactly one argument: the directory holding the card files");
    const dir = args[0];

    let stat;
    try {
        stat = fs.statSync(dir);
    } catch {
        usage(`directory not found: ${dir}`);
    }
    if (!stat.isDirectory()) usage(`not a directory: ${dir}`);

    const files = fs
        .readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isFile() && d.name.toLowerCase().endsWith(".json"))
        .map((d) => d.name)
        .sort();
    if (files.length === 0) usage(`no *.json files in ${dir}`);

    let AC;
    try {
        AC = loadAdaptiveCards();
    } catch (e) {
        usage(`cannot load the "adaptivecards" package (npm install adaptivecards@3.0.6 next to the script or in the working directory, or set NODE_PATH): ${e.message}`);
    }
    const targetVersion = AC.Version.parse(TARGET, new AC.SerializationContext());

    const eventName = (code) => AC.ValidationEvent[code] ?? `ValidationEvent${code}`;

    // Where in the card the event came from, when the library tells us.
    const describeSource = (source) => {
        if (!source || typeof source.getJsonTypeName !== "function") return "";
        let s = source.getJsonTypeName() || "?";
        if (source.id) s += ` id="${source.id}"`;
        return ` [at ${s}]`;
    };

    let problems = 0;
    const report = (file, name, message) => {
        problems++;
        const oneLine = String(message).replace(/\s*[\r\n]+\s*/g, " ");
        process.stdout.write(`${file}: ${name}: ${oneLine}\n`);
    };

    for (const file of files) {
        let json;
        try {
            // strip a UTF-8 BOM (files written by .NET / Visual Studio often have one)
            const text = fs.readFileSync(path.join(dir, file), "utf8").replace(/^\uFEFF/, "");
            json = JSON.parse(text);
        } catch (e) {
            report(file, "InvalidJson", `file is not valid JSON: ${e.message}`);
            continue;
        }
        if (json === null || typeof json !== "object" || Array.isArray(json)) {
            report(file, "InvalidJson", "top-level JSON value must be an object (the AdaptiveCard)");
            continue;
        }

        try {
            const card = new AC.AdaptiveCard();
            const context = new AC.SerializationContext(targetVersion);

            // Supplement 1 (not a library event): the library has a
            // "targetElements must be set" check for Action.ToggleVisibility,
            // but it can never fire (the property defaults to an empty object),
            // so check the source JSON of every parsed action instead.
            context.onParseAction = (action, source, ctx) => {
                if (action.getJsonTypeName() === "Action.ToggleVisibility" &&
                    !(Array.isArray(source.targetElements) && source.targetElements.length > 0)) {
                    ctx.logParseEvent(action, AC.ValidationEvent.PropertyCantBeNull,
                        'Property "targetElements" must be set to a non-empty array.');
                }
            };

            card.parse(json, context);

            // Supplement 2: likewise the library's "version must be set" check
            // can never fire (a missing version silently defaults to 1.0).
            // Teams requires it on the root card.
            if (json.version === undefined) {
                context.logParseEvent(card, AC.ValidationEvent.PropertyCantBeNull, 'Property "version" must be set.');
            }

            for (let i = 0; i < context.eventCount; i++) {
                const ev = context.getEventAt(i);
                report(file, eventName(ev.event), ev.message + describeSource(ev.source));
            }

            // validateProperties() compares the card version with
            // card.maxVersion (default: library latest = 1.6); lower it to the
            // target so "version": "1.6" is flagged as unsupported.
            card.maxVersion = targetVersion;
            const results = card.validateProperties();
            for (const ev of results.validationEvents) {
                report(file, eventName(ev.event), ev.message + describeSource(ev.source));
            }
        } catch (e) {
            report(file, "Exception", `library threw while validating: ${e && e.message ? e.message : e}`);
        }
    }

    process.stdout.write(`${files.length} cards checked, ${problems} problems\n`);
    return problems > 0 ? 1 : 0;
}

// Set process.exitCode instead of calling process.exit() so that piped
// stdout is fully flushed (pipes are asynchronous on Windows).
try {
    process.exitCode = main(process.argv.slice(2));
} catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`error: ${e.message}\nusage: node validate-cards.mjs <dir>\n`);
    process.exitCode = 2;
}

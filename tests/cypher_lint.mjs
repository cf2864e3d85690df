// Lints Cypher statements with Neo4j's own parser and semantic analysis (Cypher 5).
//
// stdin: either a JSON array of {name, query, parameters?} or an object
//   {statements: [...], labels?: [...], relationshipTypes?: [...], propertyKeys?: [...]}.
// stdout: a JSON array of {name, diagnostics: [{severity, message, line}]}, in input order.
//
// Schema given to the linter, per statement:
// - parameters: the `parameters` listed for the statement, or else every `$name` it uses
//   (values are bound at run time, so only an explicit list can reveal a missing one);
// - labels and relationshipTypes: when both are given, any other label or type is a warning;
// - propertyKeys: when given, those keys plus every property some statement of the batch
//   writes, so a property that is read but never written anywhere (a misspelling) is a warning;
// - functions and procedures: Neo4j 5's built-ins only (no APOC, no GDS), so an unknown
//   function or a wrong number of arguments is an error.
// A statement holding more than one statement is an error: a driver call runs one.
// The semantic analysis is slow (seconds of warm-up, then about 0.25 s a statement), so
// statements differing only in declared names are linted once, on worker threads (one per CPU).
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { testData } from '@neo4j-cypher/language-support';
// Not part of the package's public entry point (the version is pinned exactly): parsing once
// and handing the parse to the linter saves three parses per statement, and the parse is the
// only place that tells which properties a statement writes.
import { createParsingResult } from '../node_modules/@neo4j-cypher/language-support/dist/esm/project/language-support/src/cypherLanguageService.js';
import { lintCypherQueryWithParsingResult } from '../node_modules/@neo4j-cypher/language-support/dist/esm/project/language-support/src/syntaxValidation/syntaxValidation.js';

const CYPHER_VERSION = 'CYPHER 5';
const BUILT_IN_PROCEDURE_PREFIXES = ['db.', 'dbms.', 'tx.', 'cdc.'];
const SEVERITIES = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };
const PROPERTY_WARNING = /^(\S+) is not present in the database\./;
// Each worker spends seconds warming up the analysis, so it gets at least this many statements.
const STATEMENTS_PER_WORKER = 15;

/** The built-in functions and procedures of Neo4j 5, from the package's recorded catalogue. */
function readBuiltIns() {
  const functions = testData.mockSchema.functions[CYPHER_VERSION];
  const procedures = testData.mockSchema.procedures[CYPHER_VERSION];
  return {
    functions: Object.fromEntries(Object.entries(functions).filter(([, f]) => f.isBuiltIn === true)),
    procedures: Object.fromEntries(
      Object.entries(procedures).filter(([name]) =>
        BUILT_IN_PROCEDURE_PREFIXES.some((prefix) => name.startsWith(prefix)),
      ),
    ),
  };
}

/** The parse of a query, as the linter makes it. */
function parseQuery(query) {
  return createParsingResult(query, { consoleCommandsEnabled: false });
}

/** The statements of a parse that hold Cypher. */
function listCypherStatements(parsed) {
  return parsed.statementsParsing.filter(
    (s) => (s.command.type === 'cypher' || s.command.type === 'auto') && s.command.statement,
  );
}

/** Every property name written (SET, MERGE/CREATE maps) by any of the parses. */
function collectWrittenProperties(parses) {
  const written = new Set();
  for (const parsed of parses) {
    for (const statement of parsed.statementsParsing) {
      for (const property of statement.collectedProperties) {
        if (property.type === 'write') written.add(property.propertyName);
      }
    }
  }
  return written;
}

/** The `$name`s a parse uses, without backticks. */
function collectParameters(parsed) {
  return parsed.statementsParsing.flatMap((s) =>
    s.collectedParameters.map((p) => p.name.replace(/^`|`$/g, '')),
  );
}

/**
 * The statement with every declared label and relationship type blanked out.
 *
 * Semantic analysis does not depend on which declared name a pattern uses, so statements of
 * one shape (a template rendered once per relationship type) share their diagnostics and only
 * one of them goes through the slow analysis. Undeclared names stay, so they are still linted.
 */
function shapeOf(query, declaredNames) {
  return query.replace(/:(\s*)([A-Za-z_][A-Za-z0-9_]*)/g, (whole, space, name) =>
    declaredNames.has(name) ? `:${space}\u0000` : whole,
  );
}

/**
 * Whether a property warning is a false one about `x.key` inside a node pattern's map.
 *
 * The linter credits every property key inside `(n {...})` to `n`, also the `row.key` of
 * `(n {id: row.key})`; such a warning is dropped when the variable before the dot is not a
 * node or relationship.
 */
function isMisattributedProperty(diagnostic, query, symbolTable) {
  if (!PROPERTY_WARNING.test(diagnostic.message)) return false;
  const before = query.slice(0, diagnostic.offsets.start).trimEnd();
  if (!before.endsWith('.')) return false;
  const variable = /`?([A-Za-z_][A-Za-z0-9_]*)`?$/.exec(before.slice(0, -1).trimEnd());
  if (!variable) return false;
  const symbol = symbolTable.find((s) => s.variable === variable[1]);
  return !symbol || !symbol.types.every((t) => t === 'Node' || t === 'Relationship');
}

/** The diagnostics of one statement, in the output shape. */
function lintStatement(statement, parsed, baseSchema) {
  const names = statement.parameters ?? collectParameters(parsed);
  const parameters = Object.fromEntries(names.map((name) => [name, null]));
  const { diagnostics, symbolTables } = lintCypherQueryWithParsingResult(
    statement.query,
    { ...baseSchema, parameters },
    { consoleCommandsEnabled: false, parsingResult: parsed },
  );
  const symbols = symbolTables.flat();
  const out = diagnostics
    .filter((d) => !isMisattributedProperty(d, statement.query, symbols))
    .map((d) => ({
      severity: SEVERITIES[d.severity] ?? String(d.severity),
      message: d.message,
      line: d.range.start.line + 1,
    }));
  const count = listCypherStatements(parsed).length;
  if (count > 1) {
    out.push({
      severity: 'error',
      message: `holds ${count} statements; a driver call runs exactly one`,
      line: 1,
    });
  }
  return out;
}

/** Worker thread: lints each statement it is sent against the schema it was started with. */
function serveWorker() {
  parentPort.on('message', (statement) => {
    const parsed = parseQuery(statement.query);
    parentPort.postMessage(lintStatement(statement, parsed, workerData.baseSchema));
  });
}

/** The diagnostics of each statement, linted on a pool of worker threads. */
function lintInParallel(statements, baseSchema) {
  const order = statements.map((_, i) => i).sort(
    (a, b) => statements[b].query.length - statements[a].query.length,
  );
  const wanted = Math.ceil(statements.length / STATEMENTS_PER_WORKER);
  const size = Math.max(1, Math.min(availableParallelism(), wanted));
  const results = new Array(statements.length);
  return new Promise((resolve, reject) => {
    let running = size;
    for (let w = 0; w < size; w += 1) {
      const worker = new Worker(new URL(import.meta.url), { workerData: { baseSchema } });
      let current;
      const feed = () => {
        current = order.shift();
        if (current !== undefined) {
          worker.postMessage(statements[current]);
          return;
        }
        worker.terminate();
        running -= 1;
        if (running === 0) resolve(results);
      };
      worker.on('message', (diagnostics) => {
        results[current] = diagnostics;
        feed();
      });
      worker.on('error', reject);
      feed();
    }
  });
}

async function main() {
  const input = JSON.parse(readFileSync(0, 'utf-8'));
  const request = Array.isArray(input) ? { statements: input } : input;
  const statements = request.statements;
  const { functions, procedures } = readBuiltIns();
  const baseSchema = {
    defaultLanguage: CYPHER_VERSION,
    functions: { [CYPHER_VERSION]: functions },
    procedures: { [CYPHER_VERSION]: procedures },
  };
  const declaredNames = new Set();
  if (request.labels && request.relationshipTypes) {
    baseSchema.labels = request.labels;
    baseSchema.relationshipTypes = request.relationshipTypes;
    [...request.labels, ...request.relationshipTypes].forEach((n) => declaredNames.add(n));
  }
  const keyOf = (s) => JSON.stringify([shapeOf(s.query, declaredNames), s.parameters]);
  const shapes = new Map();
  for (const statement of statements) {
    if (!shapes.has(keyOf(statement))) shapes.set(keyOf(statement), statement);
  }
  const representatives = [...shapes.values()];
  if (request.propertyKeys) {
    const written = collectWrittenProperties(representatives.map((s) => parseQuery(s.query)));
    baseSchema.propertyKeys = [...new Set([...request.propertyKeys, ...written])];
  }
  const diagnostics = await lintInParallel(representatives, baseSchema);
  const byShape = new Map(representatives.map((s, i) => [keyOf(s), diagnostics[i]]));
  const results = statements.map((s) => ({ name: s.name, diagnostics: byShape.get(keyOf(s)) }));
  process.stdout.write(JSON.stringify(results));
}

if (isMainThread) {
  main().catch((error) => {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exitCode = 1;
  });
} else {
  serveWorker();
}

import * as assert from 'node:assert/strict';
import { validateXML } from 'xmllint-wasm';

/**
 * Validates XML documents against a REFI-QDA schema (its file name and text) with xmllint, all in
 * one run (each run starts a WebAssembly xmllint, which takes a while on a busy machine): each
 * document's errors, none when it is valid. Shared by the unit tests and the integration tests
 * (which keep xmllint-wasm out of their bundle: it loads its worker from its own folder).
 */
export async function validateAgainst<K extends string>(documents: Readonly<Record<K, string>>, schema: { fileName: string; contents: string }): Promise<Record<K, string[]>> {
  const names = Object.keys(documents) as K[];
  const result = await validateXML({
    xml: names.map((name) => ({ fileName: `${name}.xml`, contents: documents[name] })),
    schema: [schema],
  });
  const out = {} as Record<K, string[]>;
  for (const name of names) {
    const file = `${name}.xml`;
    const errors = result.errors.filter((e) => e.loc?.fileName === file).map((e) => e.message);
    const valid = result.rawOutput.split('\n').includes(`${file} validates`);
    assert.ok(valid === (errors.length === 0), `xmllint's verdict on ${file} agrees with its errors: ${result.rawOutput}`);
    out[name] = errors;
  }
  return out;
}

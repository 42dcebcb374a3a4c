// Runs the BSI reference validator (@secvisogram/csaf-validator-lib: strict CSAF 2.0 schema plus every
// mandatory test) over the CSAF documents named on the command line and prints one JSON object:
// file name -> list of {test, instancePath, message} for each failed test. Used by
// ReferenceValidatorCrossCheckTest; it runs from the directory the library is installed in.
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import validateStrict from '@secvisogram/csaf-validator-lib/validateStrict.js'
import * as mandatory from '@secvisogram/csaf-validator-lib/mandatoryTests.js'
import { csaf_2_0_strict } from '@secvisogram/csaf-validator-lib/schemaTests.js'

const tests = [csaf_2_0_strict, ...Object.values(mandatory)]
const report = {}
for (const file of process.argv.slice(2)) {
  const result = await validateStrict(tests, JSON.parse(readFileSync(file, 'utf8')))
  report[basename(file)] = result.tests
    .filter((t) => !t.isValid || t.errors.length > 0)
    .flatMap((t) => t.errors.map((e) => ({ test: t.name, instancePath: e.instancePath, message: e.message })))
}
process.stdout.write(JSON.stringify(report))

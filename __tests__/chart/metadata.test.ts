/**
 * `metadataJson` (the OCI config blob Helm pushes) and its Chart.yaml form against Go itself: encoding/json Marshal
 * of Helm's chart.Metadata, then sigs.k8s.io/yaml Marshal (go-yaml v2.4.0), on the inputs listed in
 * __tests__/fixtures/go/metadata/main.go (which made the vectors).
 */
import { metadataJson, type Metadata } from '../../src/chart/metadata'
import { jsonToYaml } from '../../src/chart/yaml-marshal'
import vectors from '../fixtures/go/metadata/vectors.json'

describe('chart.Metadata as Go marshals it', () => {
  test.each(vectors.cases as Array<[string, string, string, string]>)('%s', (_why, input, json, yaml) => {
    const m = JSON.parse(input) as Metadata
    expect(metadataJson(m)).toBe(json)
    expect(jsonToYaml(metadataJson(m))).toBe(yaml)
  })

  test('the input is not changed', () => {
    const input = vectors.cases[2][1]
    const m = JSON.parse(input) as Metadata
    metadataJson(m)
    expect(m).toEqual(JSON.parse(input))
  })
})

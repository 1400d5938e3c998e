/** The open-data rows, built once per build and shared by `/data/analyses.json` and `.csv`. */
import { analysisRows, type AnalysisRow } from '../lib/open-data.ts';
import { getSiteModel } from './site.ts';

let rows: Promise<AnalysisRow[]> | undefined;

/** Every published analysis as a row: languages in site order, each newest first. */
export function getAnalysisRows(): Promise<AnalysisRow[]> {
  rows ??= getSiteModel().then((model) =>
    analysisRows(
      model.languages.flatMap((lang) => model.byLang.get(lang) ?? []),
      model.site.baseUrl,
    ),
  );
  return rows;
}

/** Saves a JSON value as a file through a temporary object URL. */
export function downloadJson(fileName: string, value: unknown): void {
  const blob = new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Reads a chosen file as JSON; a parse failure becomes a sentence. */
export async function readJsonFile(file: File): Promise<unknown> {
  const text = await file.text();
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    // Where it broke, in the parser's own words ("Unexpected token } in JSON at position 120 (line 7 column 3)").
    const failure = new Error(`${file.name}: ${error instanceof Error ? error.message : 'not valid JSON'}`);
    failure.name = 'JsonFileError';
    throw failure;
  }
}

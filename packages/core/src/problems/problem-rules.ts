import { AppError, scoringProblems, type ProblemUpsertBody } from '@logicode/contracts';

/** Rules a problem must satisfy before it is stored (the judge's validation comes after these). */
export function checkProblemShape(body: ProblemUpsertBody): void {
  const issues: { path: string; message: string }[] = [];
  const languages = new Set<string>();
  body.languages.forEach((lang, index) => {
    if (languages.has(lang.language)) issues.push({ path: `languages.${index}.language`, message: `${lang.language} is listed twice.` });
    languages.add(lang.language);
    if (body.problem.style === 'function' && !lang.driverCode?.trim()) {
      issues.push({ path: `languages.${index}.driverCode`, message: `A function-style problem needs a ${lang.language} driver.` });
    }
    if (body.problem.style === 'stdio' && lang.driverCode?.trim()) {
      issues.push({ path: `languages.${index}.driverCode`, message: 'A stdin/stdout problem has no driver.' });
    }
  });
  const solved = new Set<string>();
  body.solutions.forEach((solution, index) => {
    if (!languages.has(solution.language)) {
      issues.push({ path: `solutions.${index}.language`, message: `${solution.language} is not one of the problem's languages.` });
    }
    if (solved.has(solution.language)) issues.push({ path: `solutions.${index}.language`, message: `Two ${solution.language} solutions.` });
    solved.add(solution.language);
  });
  if (!body.tests.some((t) => t.isSample)) issues.push({ path: 'tests', message: 'Mark at least one test as a sample.' });
  for (const message of scoringProblems(body.problem.scoring, body.tests)) issues.push({ path: 'problem.scoring', message });
  if (issues.length > 0) throw new AppError('VALIDATION', 'The problem is not valid.', issues);
}

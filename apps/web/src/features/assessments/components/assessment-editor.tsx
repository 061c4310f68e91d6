import { useState, type FormEvent } from 'react';
import type { Assessment, ScoringMode } from '@logicode/contracts';
import { ApiError } from '../../../lib/api-client.js';
import { SelectField, TextAreaField, TextField } from '../../../components/ui/field.js';
import { ErrorState, Notice, Spinner } from '../../../components/ui/status.js';
import { useProblemCatalog, useSaveAssessment } from '../api/assessments-api.js';
import { emptyForm, toBody, toForm, type EditorForm } from './editor-form.js';
import { ProblemPicker } from './problem-picker.js';
import { ProctoringFields } from './proctoring-fields.js';

interface Props {
  /** null: a new draft. */
  assessment: Assessment | null;
  /** The teacher's classes (the route reads them from the classes feature). */
  classes: { id: number; name: string }[];
  defaultClassId: number | null;
  onSaved: (saved: Assessment) => void;
}

/** Create or change a draft: title, instructions, problems with points, window, duration, rules, scoring. */
export function AssessmentEditor({ assessment, classes, defaultClassId, onSaved }: Props) {
  const [form, setForm] = useState<EditorForm>(() => (assessment ? toForm(assessment) : emptyForm(defaultClassId ?? classes[0]?.id ?? null)));
  const catalog = useProblemCatalog();
  const save = useSaveAssessment();
  const locked = assessment !== null && assessment.status !== 'draft';
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  const set = <K extends keyof EditorForm>(key: K, value: EditorForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ id: assessment?.id ?? null, body: toBody(form, assessment) }, { onSuccess: onSaved });
  };

  if (classes.length === 0) return <Notice kind="warning">Create a class first: an assessment belongs to one class.</Notice>;
  return (
    <form className="card assessment-editor" onSubmit={onSubmit} aria-label="Assessment" data-testid="assessment-editor">
      {locked ? <Notice kind="info">This assessment is {assessment.status}: its settings are fixed. Extra time per student can still be given on its page.</Notice> : null}
      <fieldset disabled={locked} className="plain-fieldset">
        <div className="grid-2">
          <SelectField label="Class" value={form.classId ?? ''} onChange={(e) => set('classId', Number(e.target.value))} error={errors.classId}>
            {classes.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </SelectField>
          <TextField label="Title" value={form.title} onChange={(e) => set('title', e.target.value)} error={errors.title} placeholder="e.g. Unit 2 test: stacks and queues" />
        </div>
        <TextAreaField label="Instructions" value={form.instructions} onChange={(e) => set('instructions', e.target.value)} rows={4}
          hint="Shown to students before they start (markdown)." error={errors.instructions} />
      </fieldset>
      {catalog.isPending ? <Spinner label="Loading problems…" /> : catalog.isError ? <ErrorState error={catalog.error} onRetry={() => void catalog.refetch()} /> : (
        <ProblemPicker value={form.problems} onChange={(p) => set('problems', p)} options={catalog.data} disabled={locked} error={errors.problems} />
      )}
      <fieldset disabled={locked} className="plain-fieldset">
        <div className="grid-3">
          <TextField label="Opens" type="datetime-local" value={form.windowStart} onChange={(e) => set('windowStart', e.target.value)} error={errors.windowStartAtMs} />
          <TextField label="Closes" type="datetime-local" value={form.windowEnd} onChange={(e) => set('windowEnd', e.target.value)} error={errors.windowEndAtMs} />
          <TextField label="Duration (minutes)" type="number" min={1} value={form.durationMin} onChange={(e) => set('durationMin', Number(e.target.value))}
            error={errors.durationMs} hint="Each student's clock starts when they begin; it never runs past the window's end." />
        </div>
        <div className="grid-2">
          <SelectField label="Scoring" value={form.scoring} onChange={(e) => set('scoring', e.target.value as ScoringMode)}>
            <option value="best">Best submission counts</option>
            <option value="last">Last submission counts</option>
          </SelectField>
          <label className="checkbox results-toggle">
            <input type="checkbox" checked={form.showResultsToStudents} onChange={(e) => set('showResultsToStudents', e.target.checked)} /> Show students their results at the end
          </label>
        </div>
      </fieldset>
      <ProctoringFields value={form.proctoring} onChange={(p) => set('proctoring', p)} disabled={locked} />
      {save.error ? <Notice kind="error">{save.error.message}</Notice> : null}
      {!locked ? (
        <div className="modal-actions">
          <button type="submit" className="btn btn-primary" disabled={save.isPending}>{save.isPending ? 'Saving…' : 'Save draft'}</button>
        </div>
      ) : null}
    </form>
  );
}

export { createTeacherScope, teacherScopeOf, SCOPE_CHANNEL, SCOPE_FRESH_MS, type ScopeChangeMessage, type Scope, type TeacherScope, type TeacherScopeSetting } from './teacher-scope.js';

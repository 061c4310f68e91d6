export { createTeacherScope, teacherScopeOf, SCOPE_FRESH_MS, type Scope, type TeacherScope, type TeacherScopeSetting } from './teacher-scope.js';

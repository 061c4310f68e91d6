import { ProblemList } from '../../features/problems/components/problem-list.js';

export default function ProblemsPage() {
  return <ProblemList />;
}

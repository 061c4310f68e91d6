import { Link } from 'react-router';
import { paths } from '../../config/paths.js';
import { homePathFor, useUser } from '../../lib/auth.js';

const features = [
  { title: 'Five languages, real judging', text: 'C, C++, Python, Java and JavaScript, each compiled once and run in a sandbox against sample and hidden tests.' },
  { title: 'Results test by test', text: 'Every test\'s verdict, time and memory arrive as they finish, and the first failing example is shown in full.' },
  { title: 'Fair timed assessments', text: 'The deadline lives on the server. Students see exactly what is recorded before they start.' },
  { title: 'A live view for teachers', text: 'Sessions, flags and submissions stream in as they happen, with a replay of how each answer was written.' },
];

export default function LandingPage() {
  const user = useUser();
  return (
    <div className="landing">
      <section className="hero">
        <h1>Practise coding problems. See every test, live.</h1>
        <p className="lead">
          LogiCode is a judge for classrooms: students solve problems in a real editor, teachers run timed, proctored
          assessments and watch them unfold, and admins author problems with hidden tests and checked reference solutions.
        </p>
        <div className="hero-actions">
          {user.data ? (
            <Link className="btn btn-primary btn-large" to={homePathFor(user.data.role)}>Continue</Link>
          ) : (
            <>
              <Link className="btn btn-primary btn-large" to={paths.signup()}>Create a free account</Link>
              <Link className="btn btn-large" to={paths.login()}>Sign in</Link>
            </>
          )}
          <Link className="btn btn-ghost btn-large" to={paths.problems()}>Browse problems</Link>
        </div>
      </section>
      <section className="feature-grid" aria-label="What LogiCode does">
        {features.map((f) => (
          <div key={f.title} className="card feature">
            <h2>{f.title}</h2>
            <p className="muted">{f.text}</p>
          </div>
        ))}
      </section>
    </div>
  );
}

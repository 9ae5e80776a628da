// Property tests replay one fixed seed unless FC_SEED says otherwise, so that whether a change lands
// never depends on which cases a run happened to draw. `FC_SEED=random npm test` explores new cases;
// fast-check prints the seed of any failure, and `FC_SEED=<seed>` replays it.
import fc from 'fast-check';

const chosen = process.env.FC_SEED?.trim();
const DEFAULT_SEED = 20_261_207;

if (chosen !== 'random') fc.configureGlobal({ seed: chosen ? Number(chosen) : DEFAULT_SEED });

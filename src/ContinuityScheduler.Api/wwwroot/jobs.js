// A page section's job on the solve queue (advice, leave-one-out): followed until it ends, cancellable, one at a time.
import { $, formatNumber } from './dom.js';
import { api } from './session.js';

export const finishedJobStates = new Set(['succeeded', 'infeasible', 'failed', 'cancelled']);
const pollMilliseconds = 1000;

/**
 * Polls GET `${path}/{id}` every second until the job ends, its state in the section's status line, then hands the answer
 * (`answerOf` the view) to `show`; `detail` adds to the last status line; following another job forgets the first.
 * `ended` hears of each job once, the first time it is seen finished, however often it is followed.
 */
export function jobFollower({ path, label, noun, status, cancelButton, result, answerOf, detail = () => '', show, ended = () => {} }) {
  let watched = null;
  let timer = null;
  const endings = new Set(); // the jobs `ended` has heard of

  const follow = (jobId) => {
    clearTimeout(timer);
    watched = jobId;
    const poll = async () => {
      if (watched !== jobId) return;
      try {
        const view = await api(`${path}/${jobId}`);
        if (watched !== jobId) return;
        const { job } = view;
        const answer = answerOf(view);
        $(cancelButton).disabled = finishedJobStates.has(job.state) || job.cancelRequested;
        $(result).dataset.jobId = jobId;
        if (!finishedJobStates.has(job.state)) {
          const seconds = job.progress?.elapsedSeconds;
          $(status).textContent = `${label} ${job.state}${job.cancelRequested ? ' (cancelling)' : ''}${seconds != null ? `: ${formatNumber(seconds)} s` : ''}.`;
          timer = setTimeout(poll, pollMilliseconds);
          return;
        }
        $(status).textContent = `${label} ${job.state}${detail(answer)}${job.error ? `: ${job.error}` : ''}.`;
        if (answer) show(answer);
        if (!endings.has(jobId)) {
          endings.add(jobId);
          ended(job);
        }
      } catch (error) {
        $(status).textContent = `Could not follow ${noun}: ${error.message}`;
      }
    };
    poll();
  };

  const cancel = async () => {
    if (!watched) return;
    try {
      await api(`${path}/${watched}`, { method: 'DELETE' });
      $(cancelButton).disabled = true;
    } catch (error) {
      $(status).textContent = `Could not cancel: ${error.message}`;
    }
  };

  const stop = () => {
    clearTimeout(timer);
    watched = null;
  };

  return { follow, cancel, stop };
}

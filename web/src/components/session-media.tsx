/**
 * @module The session's recording and «play from here»: an <audio> or <video> for the session's
 * http(s) media link, and a ▶ button per transcript paragraph that seeks it to the paragraph's time.
 */
import { Show } from 'solid-js';
import { formatMediaTime } from '../lib/persian-digits';
import '../styles/session-media.css';

const VIDEO = /\.(?:mp4|m4v|webm|mov|ogv)(?:[?#]|$)/i;

/** Seeks one media element; the page creates one and hands `attach` to the player, `playFrom` to the buttons. */
export interface MediaSeeker {
  attach(element: HTMLMediaElement): void;
  playFrom(ms: number): void;
}

/**
 * @example
 * const seeker = createMediaSeeker();
 * <SessionMedia url={url} seeker={seeker} /> … <PlayFromButton ms={12500} seeker={seeker} />
 */
export function createMediaSeeker(): MediaSeeker {
  let element: HTMLMediaElement | undefined;
  return {
    attach(el) {
      element = el;
    },
    playFrom(ms) {
      if (!element) return;
      element.currentTime = ms / 1000;
      element.scrollIntoView({ block: 'nearest' });
      // Autoplay may be refused (no user gesture recorded); the position is set either way.
      void element.play().catch(() => undefined);
    },
  };
}

export function SessionMedia(props: { url: string; seeker: MediaSeeker }) {
  return (
    <figure class="session-media">
      <Show
        when={VIDEO.test(props.url)}
        fallback={<audio controls preload="metadata" src={props.url} ref={(el) => props.seeker.attach(el)} aria-label="صدای نشست" />}
      >
        <video controls preload="metadata" src={props.url} ref={(el) => props.seeker.attach(el)} aria-label="ویدیوی نشست" />
      </Show>
    </figure>
  );
}

export function PlayFromButton(props: { ms: number; seeker: MediaSeeker }) {
  return (
    <button type="button" class="play-from" onClick={() => props.seeker.playFrom(props.ms)} aria-label={`پخش از ${formatMediaTime(props.ms)}`}>
      <span aria-hidden="true">▶</span> {formatMediaTime(props.ms)}
    </button>
  );
}

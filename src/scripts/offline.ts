/**
 * Offline reading (browser): registers the service worker (src/sw/service-worker.ts) with
 * workbox-window, tells the reader when a new version of the site is ready and reloads into it
 * when they choose, and runs the "Keep offline" controls (`<keep-offline>`, markup in
 * components/KeepOffline.astro). Without service-worker support nothing here runs and the
 * controls stay hidden.
 */
import { Workbox } from "workbox-window";
import { OFFLINE_CLASS } from "../lib/first-paint.ts";
import { formatBytes } from "../lib/format.ts";
import type { OfflineSummary } from "../lib/offline.ts";
import {
  KEPT_CACHE,
  SERVICE_WORKER_FILE,
  type KeepProgress,
  type KeepReply,
  type OfflineSetFile,
} from "../lib/offline-protocol.ts";
import { assetPath } from "../lib/paths.ts";

let workbox: Workbox | undefined;

/** Asks the active worker something and waits for its answer. */
async function ask(message: object): Promise<KeepReply> {
  await navigator.serviceWorker.ready;
  const reply = (await workbox!.messageSW(message)) as KeepReply;
  if (reply.error) throw new Error(reply.error);
  return reply;
}

/** Shows the "new version" notice; its button reloads into the waiting worker. */
function offerUpdate(): void {
  const notice = document.querySelector<HTMLElement>("#update-notice");
  if (!notice || !workbox) return;
  notice.hidden = false;
  notice.querySelector("button")?.addEventListener(
    "click",
    () => {
      workbox!.addEventListener("controlling", () => window.location.reload());
      workbox!.messageSkipWaiting();
    },
    { once: true },
  );
}

/** A "Keep offline" control for one set (an essay, a tag, an author, all essays). */
class KeepOffline extends HTMLElement {
  #set = "";
  #bytes = 0;
  #keeping = false;

  connectedCallback(): void {
    if (!workbox) return;
    this.#set = this.dataset.set ?? "";
    this.#button.addEventListener("click", () => void this.#toggle());
    navigator.serviceWorker.addEventListener("message", (event: MessageEvent<KeepProgress>) => {
      // Progress can arrive after the answer (they travel apart): only while keeping.
      if (this.#keeping && event.data?.type === "KEEP_PROGRESS" && event.data.set === this.#set) {
        this.#say(`Keeping… ${event.data.done} of ${event.data.total} files`);
      }
    });
    void this.#show();
  }

  get #button(): HTMLButtonElement {
    return this.querySelector("button")!;
  }

  #say(text: string): void {
    this.querySelector("[data-slot=status]")!.textContent = text;
  }

  /** Reads the set's size and whether it is kept (from the kept copy when offline). */
  async #show(): Promise<void> {
    const json = <T>(url: string): Promise<T | undefined> =>
      fetch(url)
        .then((r) => (r.ok ? (r.json() as Promise<T>) : undefined))
        .catch(() => undefined);
    // The sizes: the collection's and the search index's from the summary (the collection's own
    // list is long), any other set's from its own file.
    const whole = this.#set === assetPath("offline/all.json");
    const [summary, own, kept] = await Promise.all([
      json<OfflineSummary>(assetPath("offline/summary.json")),
      whole ? undefined : json<OfflineSetFile>(this.#set),
      ask({ type: "KEPT" }).catch(() => undefined),
    ]);
    const set = whole ? summary?.all : own;
    const search = summary?.search;
    if (set && search) this.#bytes = set.bytes + search.bytes;
    const page = this.dataset.page;
    const keptWithOthers =
      page !== undefined && (await (await caches.open(KEPT_CACHE)).match(page)) !== undefined;
    if (kept) this.#render(kept, keptWithOthers);
    if (!set || !search) {
      const isKept = kept !== undefined && this.#set in kept.kept;
      this.#button.disabled = !isKept;
      if (!isKept) {
        this.#say(
          keptWithOthers ? "Kept offline with other essays." : "Offline: connect to keep it.",
        );
      }
    }
    this.dataset.ready = "";
  }

  #render(kept: KeepReply, keptWithOthers = false): void {
    const isKept = this.#set in kept.kept;
    const what = this.dataset.what ?? "this";
    this.#button.textContent = isKept ? "Remove from offline" : `Keep ${what} offline`;
    this.#button.setAttribute("aria-pressed", String(isKept));
    this.#say(
      isKept
        ? `Kept offline (all kept: ${formatBytes(kept.bytes)}).`
        : keptWithOthers
          ? "Kept offline with other essays."
          : `${formatBytes(this.#bytes)} with the search index.`,
    );
  }

  async #toggle(): Promise<void> {
    const isKept = this.#button.getAttribute("aria-pressed") === "true";
    this.#button.disabled = true;
    this.#keeping = !isKept;
    try {
      const reply = await ask({ type: isKept ? "FORGET" : "KEEP", set: this.#set });
      this.#keeping = false;
      this.#render(reply);
    } catch {
      this.#say("Could not keep it: check the connection.");
    } finally {
      this.#keeping = false;
      this.#button.disabled = false;
    }
  }
}

if ("serviceWorker" in navigator && "caches" in window) {
  workbox = new Workbox(assetPath(SERVICE_WORKER_FILE), { scope: assetPath("") });
  workbox.addEventListener("waiting", offerUpdate);
  workbox
    .register()
    .then(() => navigator.serviceWorker.controller?.postMessage({ type: "HELLO" }))
    // Where the browser refuses the worker (a policy, private browsing), the controls go.
    .catch(() => document.documentElement.classList.remove(OFFLINE_CLASS));
  customElements.define("keep-offline", KeepOffline);
}

import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSite
import PorticoSupport

/// The script the preview injects into every page it serves (`__portico/live.js`). It listens
/// to `__portico/events`, reloads the page when its own file or a file pages load (stylesheet,
/// script, image, font) changed, and shows the content's errors over the page while the last
/// good build is served. It maps `location.pathname` to a site path as RequestRouting does.
package enum LiveReloadScript {
    package static let source = #"""
        // Portico live preview (portico serve). Not part of the built site.
        (function () {
          "use strict";
          var script = document.currentScript;
          var scriptPath = script ? new URL(script.src, location.href).pathname : "/__portico/live.js";
          var base = scriptPath.slice(0, scriptPath.length - "__portico/live.js".length) || "/";
          var loaded = /\.(css|js|mjs|svg|png|jpe?g|gif|webp|avif|ico|woff2?|ttf|otf)$/i;

          function decode(path) {
            try {
              return decodeURIComponent(path);
            } catch (error) {
              return path;
            }
          }

          // The page's path in the site: /portal/assets/faq/ -> assets/faq/index.html.
          function sitePath() {
            var path = decode(location.pathname);
            var prefix = decode(base);
            if (path.indexOf(prefix) !== 0) return null;
            path = path.slice(prefix.length);
            if (path === "" || path.charAt(path.length - 1) === "/") path += "index.html";
            return path;
          }

          var own = sitePath();

          function concernsThisPage(changed) {
            return changed.some(function (path) {
              return path === own || path === own + "/index.html" || loaded.test(path);
            });
          }

          var overlay = null;

          function showErrors(lines) {
            if (!overlay) {
              overlay = document.createElement("div");
              overlay.id = "portico-preview-errors";
              overlay.setAttribute("role", "alert");
              overlay.style.cssText =
                "position:fixed;top:0;left:0;right:0;z-index:2147483647;max-height:70vh;overflow:auto;" +
                "box-sizing:border-box;margin:0;padding:16px 20px;text-align:left;" +
                "background:#fff4f4;color:#1b1b1b;border-bottom:4px solid #a4001d;" +
                "box-shadow:0 4px 16px rgba(0,0,0,0.35);" +
                "font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,'Liberation Mono',monospace;";
            }
            overlay.textContent = "";
            var heading = document.createElement("h2");
            heading.textContent = "The content has errors \u2014 showing the last good build";
            heading.style.cssText = "margin:0 0 8px;padding:0;font:inherit;font-weight:bold;color:#a4001d;";
            overlay.appendChild(heading);
            var list = document.createElement("pre");
            list.style.cssText =
              "margin:0;padding:0;font:inherit;color:inherit;background:none;border:0;white-space:pre-wrap;";
            list.textContent = lines.join("\n");
            overlay.appendChild(list);
            if (!overlay.parentNode) document.body.appendChild(overlay);
          }

          function hideErrors() {
            if (overlay && overlay.parentNode) overlay.parentNode.removeChild(overlay);
          }

          function onUpdate(event) {
            var data;
            try {
              data = JSON.parse(event.data);
            } catch (error) {
              return;
            }
            if (!data.ok) {
              showErrors(data.errors || []);
              return;
            }
            hideErrors();
            if (concernsThisPage(data.changed || [])) location.reload();
          }

          function connect() {
            var source = new EventSource(base + "__portico/events");
            source.addEventListener("update", onUpdate);
            source.onerror = function () {
              // The browser retries by itself unless it gave up; then start again.
              if (source.readyState === EventSource.CLOSED) {
                source.close();
                setTimeout(connect, 1000);
              }
            };
          }

          connect();
        })();

        """#
}

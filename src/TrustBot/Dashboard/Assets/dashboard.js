// The TrustBot dashboard tab: signs in, then shows the server-rendered dashboard of one team.
// In Teams: Teams single sign-on (microsoftTeams.authentication.getAuthToken), the team or chat the tab
// is in. In a plain browser, only in Development: the sign-in stand-in (?standIn=<Entra object id>).
(() => {
  "use strict";
  const base = "/tabs/dashboard";
  const main = document.getElementById("dashboard");
  const standInAllowed = document.body.dataset.standIn === "allowed";
  let authorization = null;

  function notice(text) {
    const p = document.createElement("p");
    p.className = "notice";
    p.textContent = text;
    main.replaceChildren(p);
  }

  async function errorOf(response) {
    try {
      return (await response.json()).error || `The server answered ${response.status}.`;
    } catch {
      return `The server answered ${response.status}.`;
    }
  }

  // Teams frames its tabs; a page that is not framed is not in Teams.
  async function teamsSignIn() {
    if (window.parent === window || !window.microsoftTeams) return null;
    try {
      await Promise.race([
        microsoftTeams.app.initialize(),
        new Promise((_, reject) => setTimeout(() => reject(new Error("Not in Teams.")), 5000)),
      ]);
    } catch {
      return null;
    }
    const context = await microsoftTeams.app.getContext();
    const token = await microsoftTeams.authentication.getAuthToken();
    return {
      authorization: "Bearer " + token,
      team: (context.team && context.team.internalId) || (context.chat && context.chat.id) || null,
    };
  }

  async function load(team) {
    const url = team ? `${base}/content?team=${encodeURIComponent(team)}` : `${base}/content`;
    const response = await fetch(url, { headers: { Authorization: authorization } });
    if (!response.ok) {
      notice(await errorOf(response));
      return;
    }
    main.innerHTML = await response.text();
    for (const button of main.querySelectorAll("button[data-team]")) {
      button.addEventListener("click", () => load(button.dataset.team));
    }
    const exportButton = main.querySelector("button[data-export]");
    if (exportButton) exportButton.addEventListener("click", download);
  }

  async function download() {
    const shown = main.querySelector("[data-shown-team]").dataset.shownTeam;
    const response = await fetch(`${base}/export?team=${encodeURIComponent(shown)}`, { headers: { Authorization: authorization } });
    if (!response.ok) {
      notice(await errorOf(response));
      return;
    }
    const name = /filename=([^;]+)/.exec(response.headers.get("Content-Disposition") || "");
    const link = document.createElement("a");
    link.href = URL.createObjectURL(await response.blob());
    link.download = name ? name[1].replace(/"/g, "") : "trustbot-results.csv";
    document.body.append(link);
    link.click();
    link.remove();
  }

  async function start() {
    const inTeams = await teamsSignIn();
    if (inTeams) {
      authorization = inTeams.authorization;
      await load(inTeams.team);
      return;
    }
    const query = new URLSearchParams(location.search);
    if (standInAllowed && query.get("standIn")) {
      authorization = "DevStandIn " + query.get("standIn");
      document.getElementById("stand-in-id").value = query.get("standIn");
      await load(query.get("team"));
      return;
    }
    notice(standInAllowed
      ? "Not in Teams: sign in with the Development stand-in above."
      : "Open this tab in Microsoft Teams: it signs you in with your Teams account.");
  }

  start().catch(error => notice("The dashboard could not be loaded: " + error.message));
})();

// The configuration page Teams shows when the dashboard is added to a channel or group chat:
// nothing to choose, so it is valid at once and saves the tab pointing at /tabs/dashboard.
(() => {
  "use strict";
  const page = location.origin + "/tabs/dashboard";
  microsoftTeams.app.initialize().then(() => {
    microsoftTeams.pages.config.registerOnSaveHandler(save => {
      microsoftTeams.pages.config
        .setConfig({ entityId: "trustbot-dashboard", contentUrl: page, websiteUrl: page, suggestedDisplayName: "Trust dashboard" })
        .then(() => save.notifySuccess(), error => save.notifyFailure(String(error)));
    });
    microsoftTeams.pages.config.setValidityState(true);
  });
})();

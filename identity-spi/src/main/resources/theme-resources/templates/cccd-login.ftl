<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=true; section>
  <#if section = "header">
    ${msg("cccdTitle")}
  <#elseif section = "form">
    <div id="cccd-login" data-challenge="${cccdChallenge}" data-callback="${cccdCallback}" data-status-url="${cccdStatusUrl}" data-deep-link="${cccdDeepLink}">
      <p>${msg("cccdScanInstruction")}</p>
      <div id="cccd-qr" role="img" aria-label="${msg("cccdQrLabel")}">${cccdQrSvg?no_esc}</div>
      <p><a id="cccd-deep-link" href="${cccdDeepLink}">${msg("cccdOpenOnThisPhone")}</a></p>
      <p id="cccd-expired" hidden>${msg("cccdExpired")}</p>
      <form id="cccd-form" action="${url.loginAction}" method="post">
        <details>
          <summary>${msg("cccdKiosk")}</summary>
          <textarea id="chip_bundle" name="chip_bundle" rows="3" cols="40" autocomplete="off"></textarea>
        </details>
        <div class="${properties.kcFormButtonsClass!}">
          <input class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!}" type="submit" id="cccd-continue" name="continue" value="${msg("cccdContinue")}"/>
          <input class="${properties.kcButtonClass!} ${properties.kcButtonDefaultClass!}" type="submit" id="cccd-restart" name="restart" value="${msg("cccdNewCode")}"/>
          <input class="${properties.kcButtonClass!} ${properties.kcButtonDefaultClass!}" type="submit" id="cccd-cancel" name="cancel" value="${msg("doCancel")}"/>
        </div>
      </form>
    </div>
    <script>
      (function () {
        var root = document.getElementById('cccd-login');
        var form = document.getElementById('cccd-form');
        function poll() {
          fetch(root.getAttribute('data-status-url'), {cache: 'no-store'})
            .then(function (r) { return r.json(); })
            .then(function (s) {
              if (s.status === 'received') { form.submit(); }
              else if (s.status === 'expired') { document.getElementById('cccd-expired').hidden = false; }
              else { setTimeout(poll, 2000); }
            })
            .catch(function () { setTimeout(poll, 5000); });
        }
        setTimeout(poll, 2000);
      })();
    </script>
  </#if>
</@layout.registrationLayout>

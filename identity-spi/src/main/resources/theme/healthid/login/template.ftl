<#-- healthid's page layout for every login page (the forms inside are keycloak.v2's).
     Differences from keycloak.v2's layout: the person signed in is shown by name, never by the opaque
     patient-id username; the language choice has a visible label; a refused card's reason code is shown
     in words (messages "cccdReason.<CODE>"); no dark mode (the colours are chosen for AA contrast). -->
<#import "footer.ftl" as loginFooter>
<#macro person>
  <#assign shown = "">
  <#if cccdDisplayName?? && cccdDisplayName?has_content>
    <#assign shown = cccdDisplayName>
  <#elseif auth?has_content && auth.attemptedUsername?has_content && !(auth.attemptedUsername?matches("p[a-z2-7]{32}"))>
    <#assign shown = auth.attemptedUsername>
  </#if>
  <div id="hid-person" class="hid-person">
    <span class="hid-person-label">${msg("healthidSignedInAs")}</span>
    <strong id="hid-person-name"><#if shown?has_content>${shown}<#else>${msg("healthidThisPerson")}</#if></strong>
    <a id="reset-login" class="hid-link" href="${url.loginRestartFlowUrl}">${msg("healthidNotYou")}</a>
  </div>
</#macro>
<#macro summary text>
  <#assign words = text>
  <#list text?matches("[A-Z][A-Z0-9]*(_[A-Z0-9]+)+") as code>
    <#assign key = "cccdReason." + code>
    <#assign said = msg(key)>
    <#if said != key><#assign words = words?replace(code, said)></#if>
  </#list>
  ${words}
</#macro>
<#macro registrationLayout bodyClass="" displayInfo=false displayMessage=true displayRequiredFields=false>
<!DOCTYPE html>
<html class="${properties.kcHtmlClass!}" lang="${lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex, nofollow">
  <title>${msg("healthidPageTitle")}</title>
  <link rel="icon" href="${url.resourcesPath}/img/favicon.ico" />
  <#if properties.stylesCommon?has_content>
    <#list properties.stylesCommon?split(' ') as style><link href="${url.resourcesCommonPath}/${style}" rel="stylesheet" /></#list>
  </#if>
  <#if properties.styles?has_content>
    <#list properties.styles?split(' ') as style><link href="${url.resourcesPath}/${style}" rel="stylesheet" /></#list>
  </#if>
  <#if properties.scripts?has_content>
    <#list properties.scripts?split(' ') as script><script src="${url.resourcesPath}/${script}" type="text/javascript"></script></#list>
  </#if>
  <#if scripts??><#list scripts as script><script src="${script}" type="text/javascript"></script></#list></#if>
  <script type="module" src="${url.resourcesPath}/js/passwordVisibility.js"></script>
  <#if authenticationSession??>
    <script type="module">
      <#outputformat "JavaScript">
      import { checkAuthSession } from ${(url.resourcesPath + "/js/authChecker.js")?c};
      checkAuthSession(${authenticationSession.authSessionIdHash?c});
      </#outputformat>
    </script>
  </#if>
</head>
<body id="keycloak-bg" class="hid-body ${bodyClass}" data-page-id="login-${pageId}">
  <header class="hid-bar">
    <p class="hid-brand">healthid</p>
    <#if realm.internationalizationEnabled && locale.supported?size gt 1>
      <nav class="hid-langs" aria-label="${msg("languages")}">
        <#list locale.supported as l>
          <a href="${l.url}" lang="${l.languageTag}" <#if l.languageTag == locale.currentLanguageTag>aria-current="true"</#if>>${l.label}</a>
        </#list>
      </nav>
    </#if>
  </header>
  <main class="hid-main ${properties.kcLoginMain!}">
    <h1 id="kc-page-title" class="hid-title"><#nested "header"></h1>
    <#if auth?has_content && auth.showUsername() && !auth.showResetCredentials()>
      <#nested "show-username">
      <@person />
    </#if>
    <#if displayMessage && message?has_content && (message.type != 'warning' || !isAppInitiatedAction??)>
      <div class="hid-message hid-message-${message.type}" role="${(message.type = 'error')?then('alert', 'status')}">
        <span class="kc-feedback-text"><@summary text=message.summary /></span>
      </div>
    </#if>
    <#nested "form">
    <#if auth?has_content && auth.showTryAnotherWayLink()>
      <form id="kc-select-try-another-way-form" action="${url.loginAction}" method="post" novalidate="novalidate">
        <input type="hidden" name="tryAnotherWay" value="on"/>
        <button id="try-another-way" type="submit" class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}">${msg("doTryAnotherWay")}</button>
      </form>
    </#if>
    <#nested "socialProviders">
    <#if displayInfo>
      <div id="kc-info" class="hid-info"><#nested "info"></div>
    </#if>
    <@loginFooter.content/>
  </main>
</body>
</html>
</#macro>

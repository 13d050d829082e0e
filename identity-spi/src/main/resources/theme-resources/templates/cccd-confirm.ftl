<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=true; section>
  <#if section = "header">
    ${msg("cccdConfirmTitle")}
  <#elseif section = "form">
    <div id="cccd-confirm">
      <p>${msg("cccdConfirmInstruction")}</p>
      <#if cccdFace?has_content>
        <p><img id="cccd-face" src="${cccdFace}" alt="${msg("cccdConfirmFace")}" width="120"/></p>
      </#if>
      <dl>
        <dt>${msg("cccdConfirmName")}</dt><dd id="cccd-name">${cccdName}</dd>
        <dt>${msg("cccdConfirmNumber")}</dt><dd id="cccd-number">${cccdMaskedNumber}</dd>
      </dl>
      <form id="cccd-confirm-form" action="${url.loginAction}" method="post">
        <div class="${properties.kcFormButtonsClass!}">
          <input class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!}" type="submit" id="cccd-its-me" name="confirm" value="${msg("cccdItsMe")}"/>
          <input class="${properties.kcButtonClass!} ${properties.kcButtonDefaultClass!}" type="submit" id="cccd-not-me" name="not-me" value="${msg("cccdNotMe")}"/>
        </div>
      </form>
    </div>
  </#if>
</@layout.registrationLayout>

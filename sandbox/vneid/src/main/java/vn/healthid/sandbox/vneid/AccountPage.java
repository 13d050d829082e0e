package vn.healthid.sandbox.vneid;

import java.util.List;

/** The sandbox sign-in page: one link per account, which re-enters the authorization request with its pid. */
final class AccountPage {

    private static final int SHOWN = 50;

    private AccountPage() {}

    static String render(String authorizeUrl, List<Account> accounts) {
        StringBuilder html = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\">"
                + "<title>VNeID sandbox</title></head><body><h1>VNeID sandbox sign-in</h1><ul>");
        for (Account account : accounts.subList(0, Math.min(SHOWN, accounts.size()))) {
            String href = authorizeUrl + "&pid=" + account.citizenPid();
            html.append("<li><a id=\"pid-")
                    .append(account.citizenPid())
                    .append("\" href=\"")
                    .append(escape(href))
                    .append("\">")
                    .append(escape(account.fullName()))
                    .append(" (level ")
                    .append(account.level())
                    .append(")</a></li>");
        }
        return html.append("</ul></body></html>").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}

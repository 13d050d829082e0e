package vn.healthid.bridge.telehealth;

import vn.healthid.bridge.telehealth.persist.StoredSession;
import vn.healthid.bridge.telehealth.ticket.IssuedTicket;

/** What {@code $join} answers: the session as it now stands, the ticket and the room URL. */
public record JoinResult(StoredSession session, IssuedTicket ticket, String sessionUrl) {

    @Override
    public String toString() {
        return "JoinResult[" + session.session().id() + ", " + ticket + "]";
    }
}

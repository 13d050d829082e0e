package vn.healthid.bridge.telehealth.access;

import java.util.List;
import vn.healthid.bridge.security.Caller;

/**
 * The checks every telehealth operation starts with, in this order: the kind of caller and the
 * SMART scope on Appointment (403), then the minimum level of assurance (401 step-up from the
 * security package, with the recent-proof rule at level 3). Which session the caller may touch is
 * decided later, per session. Tickets are redeemed by the configured video service only.
 */
public final class AccessPolicy {

    private final MinLoa minLoa;
    private final List<String> videoServiceClients;

    public AccessPolicy(MinLoa minLoa, List<String> videoServiceClients) {
        this.minLoa = minLoa;
        this.videoServiceClients = List.copyOf(videoServiceClients);
    }

    public void require(Caller caller, Operation operation) {
        // tickets are redeemed by the video service only; sessions are used by people only
        boolean system = caller.kind() == Caller.Kind.SYSTEM;
        if (system != (operation == Operation.REDEEM)) {
            throw Caller.insufficientScope("this operation is not for this kind of client");
        }
        if (system && !videoServiceClients.contains(caller.clientId())) {
            throw Caller.insufficientScope("only the video service redeems join tickets");
        }
        if (!caller.may(operation.interaction(), "Appointment")) {
            throw Caller.insufficientScope(
                    "no scope grants Appointment." + operation.interaction().letter() + " to this caller");
        }
        if (!system) {
            caller.requireLevel(minLoa.of(operation));
        }
    }
}

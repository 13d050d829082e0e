package vn.healthid.sandbox.stack;

/** The demo realm's sandbox clients and staff (sandbox/realms/health-realm.json); never production values. */
final class Sandbox {

    static final String CLINIC = "clinic-reception";
    static final String CLINIC_SECRET = "sandbox-clinic-reception-secret";
    static final String CLERK = "clerk01";
    static final String CLERK_PASSWORD = "sandbox-clerk01";
    static final String DOCTOR = "doctor01";
    static final String DOCTOR_PASSWORD = "sandbox-doctor01";
    static final String PORTAL = "patient-portal";
    static final String TELEHEALTH = "telehealth-app";
    static final String REDIRECT = "http://localhost:9/callback";
    static final String FACILITY_SYSTEM = "urn:vn:bhyt-facility";

    private Sandbox() {}
}

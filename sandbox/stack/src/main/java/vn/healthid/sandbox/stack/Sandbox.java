package vn.healthid.sandbox.stack;

/** The demo realm's sandbox clients and staff (sandbox/realms/health-realm.json); never production values. */
public final class Sandbox {

    public static final String CLINIC = "clinic-reception";
    public static final String CLINIC_SECRET = "sandbox-clinic-reception-secret";
    public static final String CLERK = "clerk01";
    public static final String CLERK_PASSWORD = "sandbox-clerk01";
    public static final String DOCTOR = "doctor01";
    public static final String DOCTOR_PASSWORD = "sandbox-doctor01";
    public static final String PORTAL = "patient-portal";
    public static final String TELEHEALTH = "telehealth-app";
    public static final String REDIRECT = "http://localhost:9/callback";
    public static final String FACILITY_SYSTEM = "urn:vn:bhyt-facility";

    private Sandbox() {}
}

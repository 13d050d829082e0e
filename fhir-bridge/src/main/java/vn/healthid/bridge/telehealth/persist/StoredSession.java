package vn.healthid.bridge.telehealth.persist;

import java.time.Instant;
import vn.healthid.bridge.telehealth.domain.TelehealthSession;

/** A session as stored: its version is the FHIR {@code meta.versionId} and the ETag. */
public record StoredSession(TelehealthSession session, long version, Instant lastUpdated) {}

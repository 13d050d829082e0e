package vn.healthid.bridge.fhir;

import java.util.List;

/**
 * The HAPI interceptors that decide what a request may touch (the security package's SMART rules),
 * registered right after the request guard and before every feature's interceptor. An interface
 * here so that the FHIR server does not depend on the security package.
 */
public interface RequestAuthorization {

    List<Object> interceptors();
}

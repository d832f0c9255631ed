package dev.authstack.api.problems.entity;

import java.util.Map;

public class PayloadTooLargeException extends ProblemException {

    public PayloadTooLargeException(long limit) {
        super(413, "payload-too-large", "Payload Too Large", "The request body is larger than " + limit + " bytes.");
    }

    /** The rest of the body is never read, so the connection cannot carry another request: close it. */
    @Override
    public Map<String, String> headers() {
        return Map.of("Connection", "close");
    }
}

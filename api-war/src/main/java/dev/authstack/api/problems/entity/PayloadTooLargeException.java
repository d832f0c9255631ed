package dev.authstack.api.problems.entity;

public class PayloadTooLargeException extends ProblemException {

    public PayloadTooLargeException(long limit) {
        super(413, "payload-too-large", "Payload Too Large", "The request body is larger than " + limit + " bytes.");
    }
}

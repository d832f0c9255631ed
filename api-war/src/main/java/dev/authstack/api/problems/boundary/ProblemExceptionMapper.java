package dev.authstack.api.problems.boundary;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import dev.authstack.api.problems.entity.ProblemException;

@Provider
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {

    @Override
    public Response toResponse(ProblemException failure) {
        Problem problem = Problem.of(failure);
        if (failure.status() >= 500) {
            problem = Incidents.record(problem, failure);
        }
        return problem.toResponse(failure.headers());
    }
}

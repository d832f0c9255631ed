package dev.authstack.api.sessions.control;

import dev.authstack.api.problems.entity.ProblemException;

/** No live session with this id belongs to the user: whether it never existed, ended or is someone else's is not said. */
public class SessionNotFoundException extends ProblemException {

    public SessionNotFoundException() {
        super(404, "session-not-found", "Session Not Found", "There is no live session with this id.");
    }
}

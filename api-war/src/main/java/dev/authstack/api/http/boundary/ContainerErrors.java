package dev.authstack.api.http.boundary;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Map;

import dev.authstack.api.problems.boundary.Problem;

/**
 * The error page of the WAR (web.xml): what the servlet container answers itself, outside JAX-RS (a path outside
 * /api/v1, a failure in a filter), is a problem document too, never the server's HTML page.
 */
@WebServlet("/container-error")
public class ContainerErrors extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer number ? number : 404;
        String detail = status == 404 ? "There is no resource at this path." : "The request could not be processed.";
        Problem.plain(status, detail).writeTo(response, Map.of());
    }
}

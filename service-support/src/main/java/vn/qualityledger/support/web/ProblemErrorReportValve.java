package vn.qualityledger.support.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's own error reports (a request refused before it reaches the application: an encoded slash or NUL in the
 * path, malformed UTF-8 in the path, a header or path that is too long) as problems instead of Tomcat's HTML page,
 * which also named the server. Installed as the host's error report valve by {@link HttpEdgeConfiguration}.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // As Tomcat's own valve: nothing for a success, nothing once a body was written or the error was reported.
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            Problems.prepare(response);
            Writer writer = response.getReporter();
            if (writer != null) {
                Problems.write(writer, status, Problems.codeOf(status), Problems.detailOf(status));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response is already committed: there is no one left to tell.
        }
    }
}

package org.narrativewatch.server;

import io.javalin.http.ContentTooLargeResponse;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;

/**
 * Caps every request body, however it is sent. Javalin's {@code maxRequestSize} compares the
 * Content-Length header only, so a chunked body (no length) was read whole into memory: 100 MB
 * taken in, 1 GB ran the server out of memory. This filter refuses a declared length over the cap
 * before anything is read, and stops a body without one as soon as it passes the cap (413 either
 * way). Jetty 11 has no size-limit handler of its own (it came with Jetty 12).
 */
final class RequestBodyCap implements Filter {

    private final long max;

    RequestBodyCap(long max) {
        this.max = max;
    }

    /** Registers the cap in front of every servlet of the server (the API and the static files). */
    static void install(ServletContextHandler handler, long max) {
        handler.addFilter(new FilterHolder(new RequestBodyCap(max)), "/*", EnumSet.of(DispatcherType.REQUEST));
    }

    private String message() {
        return "request body larger than " + max + " bytes";
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest http) || !(res instanceof HttpServletResponse out)) {
            chain.doFilter(req, res);
            return;
        }
        if (http.getContentLengthLong() > max) {
            SecurityHeaders.apply(out);
            out.setStatus(413);
            out.setContentType("application/json");
            out.setHeader("Connection", "close");
            out.getOutputStream().write(("{\"error\":\"" + message() + "\",\"status\":413}")
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(new Capped(http), res);
    }

    private final class Capped extends HttpServletRequestWrapper {
        private ServletInputStream stream;

        Capped(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream());
            }
            return stream;
        }

        @Override
        public java.io.BufferedReader getReader() throws IOException {
            String enc = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), enc));
        }
    }

    private final class CountingStream extends ServletInputStream {
        private final ServletInputStream in;
        private long count;

        CountingStream(ServletInputStream in) {
            this.in = in;
        }

        private void add(long n) {
            count += n;
            if (count > max) {
                throw new ContentTooLargeResponse(message(), java.util.Map.of());
            }
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}

package dev.authstack.api.http.boundary;

import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import dev.authstack.api.problems.entity.PayloadTooLargeException;

/**
 * No request body may exceed 64 KiB: refused from its Content-Length when it declares one, and counted as it is read
 * when it is chunked, so an oversized body is a 413 without ever being held in memory.
 */
@Provider
public class RequestBodyLimit implements ReaderInterceptor {

    static final long MAX_BYTES = 64 * 1024;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        String declared = context.getHeaders().getFirst("Content-Length");
        if (declared != null && parse(declared) > MAX_BYTES) {
            throw new PayloadTooLargeException(MAX_BYTES);
        }
        context.setInputStream(new Bounded(context.getInputStream()));
        return context.proceed();
    }

    private static long parse(String contentLength) {
        try {
            return Long.parseLong(contentLength.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static final class Bounded extends FilterInputStream {

        private long read;

        Bounded(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int bytes) {
            read += bytes;
            if (read > MAX_BYTES) {
                throw new PayloadTooLargeException(MAX_BYTES);
            }
        }
    }
}

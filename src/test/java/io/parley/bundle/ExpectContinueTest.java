package io.parley.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.parley.common.Roles;
import io.parley.graphql.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A client that asks before sending a large body ({@code Expect: 100-continue}, as curl does over
 * 1 MB) is told to go ahead once its role allows the import, and refused without sending it
 * otherwise; unanswered, curl waited a second before every large import.
 */
@QuarkusTest
class ExpectContinueTest {

    @TestHTTPResource("/import")
    URL importUrl;

    private static final String BUNDLE = "{\"people\": [{\"ref\": \"a\", \"name\": \"Expect Continue Person\"}]}";

    @Test
    void anEditorIsToldToSendTheBodyAndItIsImported() throws Exception {
        try (Socket socket = asking(Tokens.withRoles(Roles.EDITOR))) {
            BufferedReader in = reader(socket);
            // Nothing of the body is sent until the server answers: without the answer this read
            // times out (the socket's 10 s), and the test fails.
            assertEquals("HTTP/1.1 100 Continue", in.readLine());
            assertEquals("", in.readLine());
            OutputStream out = socket.getOutputStream();
            out.write(BUNDLE.getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertEquals("HTTP/1.1 200 OK", in.readLine());
            assertTrue(rest(in).contains("\"created\":1"));
        }
    }

    @Test
    void aReaderIsRefusedWithoutSendingTheBody() throws Exception {
        try (Socket socket = asking(Tokens.withRoles(Roles.READER))) {
            BufferedReader in = reader(socket);
            assertEquals("HTTP/1.1 403 Forbidden", in.readLine());
            assertTrue(rest(in).contains("FORBIDDEN"));
        }
    }

    /** A socket that has sent the request's head, asking to continue, and none of its body. */
    private Socket asking(String token) throws Exception {
        Socket socket = new Socket(importUrl.getHost(), importUrl.getPort());
        socket.setSoTimeout(10_000);
        String head = "POST /import HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Authorization: Bearer " + token + "\r\nContent-Length: " + BUNDLE.getBytes(StandardCharsets.UTF_8).length
                + "\r\nExpect: 100-continue\r\n\r\n";
        socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    private static BufferedReader reader(Socket socket) throws Exception {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    }

    /** The rest of one response: its headers, then as much of the body as its length says. */
    private static String rest(BufferedReader in) throws Exception {
        StringBuilder text = new StringBuilder();
        int length = 0;
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).strip());
            }
        }
        char[] body = new char[length];
        int read = 0;
        while (read < length) {
            int n = in.read(body, read, length - read);
            if (n < 0) {
                break;
            }
            read += n;
        }
        return text.append(body, 0, read).toString();
    }
}

package jp.renkei.server.platform.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/** API answers for missing or insufficient credentials: JSON, never a login page redirect. */
@Component
class JsonErrors {

    void unauthenticated(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        write(response, HttpServletResponse.SC_UNAUTHORIZED, "unauthenticated",
                "send Authorization: Bearer <token>; tokens are created under Settings → API tokens");
    }

    void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(response, HttpServletResponse.SC_FORBIDDEN, "forbidden", "your role does not allow this");
    }

    void write(HttpServletResponse response, int status, String reason, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"reason\":\"" + reason + "\",\"detail\":\"" + detail + "\"}");
    }
}

package dev.authstack.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.annotation.FacesConfig;

/** Turns on Faces' CDI integration (injectable FacesContext and ExternalContext, CDI-managed converters). */
@FacesConfig
@ApplicationScoped
public class FacesActivation {
}

package vn.trithuc.registry.web;

import java.io.IOException;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.trithuc.registry.internal.PhotoPolicy;
import vn.trithuc.registry.internal.ProfileVisibility;
import vn.trithuc.registry.internal.Profiles;
import vn.trithuc.registry.internal.Profiles.InvalidProfileException;

/**
 * A profile's photo: shown to whoever reaches the profile (scope as for the profile page, whose view is the one
 * logged), set and removed by those who edit profiles.
 */
@Controller
class PhotoController {

	private final Profiles profiles;
	private final ProfileVisibility visibility;
	private final MessageSource messages;

	PhotoController(Profiles profiles, ProfileVisibility visibility, MessageSource messages) {
		this.profiles = profiles;
		this.visibility = visibility;
		this.messages = messages;
	}

	@GetMapping("/registry/people/{id}/photo")
	ResponseEntity<byte[]> photo(@PathVariable UUID id, Authentication authentication, WebRequest request) {
		if (!profiles.reaches(id, Callers.of(authentication))) {
			throw Exceptions.notFound();
		}
		var photo = profiles.photo(id).orElseThrow(Exceptions::notFound);
		var etag = "\"" + photo.sha256() + "\"";
		// personal data: kept by this browser only, asked again each time (a 304 when unchanged)
		var cache = CacheControl.noCache().cachePrivate();
		if (request.checkNotModified(etag)) {
			return ResponseEntity.status(304).cacheControl(cache).eTag(etag).build();
		}
		return ResponseEntity.ok().cacheControl(cache).eTag(etag).contentType(MediaType.IMAGE_JPEG)
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"anh.jpg\"")
			.body(photo.jpeg());
	}

	@PostMapping("/registry/people/{id}/photo")
	String set(@PathVariable UUID id, @RequestParam(required = false) MultipartFile photo,
			@RequestParam(defaultValue = "") String version, Authentication authentication, RedirectAttributes redirect,
			Locale locale) throws IOException {
		writable(id, authentication);
		try {
			// decoded and re-encoded before the transaction: a large photo takes seconds, not a pooled connection
			var stored = PhotoPolicy.normalise(photo == null ? new byte[0] : photo.getBytes());
			profiles.setPhoto(id, PeopleController.version(version), stored, authentication.getName());
			redirect.addFlashAttribute("success", "registry.photo.saved");
		}
		catch (InvalidProfileException e) {
			var error = e.errors().get(0);
			redirect.addFlashAttribute("errorText", messages.getMessage(error.messageKey(), error.arguments(), locale));
		}
		catch (OptimisticLockingFailureException e) {
			redirect.addFlashAttribute("error", "registry.conflict.reload");
		}
		return "redirect:/registry/people/" + id;
	}

	@PostMapping("/registry/people/{id}/photo/delete")
	String remove(@PathVariable UUID id, @RequestParam(defaultValue = "") String version, Authentication authentication,
			RedirectAttributes redirect) {
		writable(id, authentication);
		try {
			profiles.removePhoto(id, PeopleController.version(version), authentication.getName());
			redirect.addFlashAttribute("success", "registry.photo.removed");
		}
		catch (OptimisticLockingFailureException e) {
			redirect.addFlashAttribute("error", "registry.conflict.reload");
		}
		return "redirect:/registry/people/" + id;
	}

	private void writable(UUID id, Authentication authentication) {
		var caller = Callers.of(authentication);
		if (!visibility.edits(caller) || !profiles.reaches(id, caller)) {
			throw Exceptions.notFound();
		}
	}
}

//! Who is using Briefwright, for the comments, suggestions and versions they make.

/// The user's full name as the operating system knows it ("Aigerim Sadykova"), or their
/// login name when it records none, or "Unknown reviewer".
pub fn full_name() -> String {
    let login = ["USER", "LOGNAME", "USERNAME"]
        .iter()
        .find_map(|name| std::env::var(name).ok().filter(|v| !v.trim().is_empty()));
    let Some(login) = login else {
        return "Unknown reviewer".to_owned();
    };
    #[cfg(unix)]
    if let Ok(passwd) = std::fs::read_to_string("/etc/passwd")
        && let Some(name) = gecos_name(&passwd, &login)
    {
        return name;
    }
    login
}

/// The full name in the comment (GECOS) field of `login`'s line of a passwd file: the
/// part before the first comma, which holds the name by convention.
#[cfg(any(unix, test))]
fn gecos_name(passwd: &str, login: &str) -> Option<String> {
    passwd.lines().find_map(|line| {
        let mut fields = line.split(':');
        (fields.next()? == login).then_some(())?;
        let gecos = fields.nth(3)?;
        let name = gecos.split(',').next()?.trim();
        (!name.is_empty()).then(|| name.to_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_full_name_comes_from_the_comment_field() {
        let passwd = "root:x:0:0:root:/root:/bin/bash\n\
                      aigerim:x:1000:1000:Aigerim Sadykova,,,:/home/aigerim:/bin/bash\n\
                      svc:x:1001:1001::/home/svc:/bin/sh\n";
        assert_eq!(
            gecos_name(passwd, "aigerim").as_deref(),
            Some("Aigerim Sadykova")
        );
        assert_eq!(gecos_name(passwd, "svc"), None);
        assert_eq!(gecos_name(passwd, "nobody"), None);
    }
}

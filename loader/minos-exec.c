// SPDX-License-Identifier: GPL-2.0
/*
 * minos-exec: turn the calling process into the first Minos container.
 *
 *	minos-exec [OPTIONS] IMAGE	(IMAGE "-": the code comes on stdin)
 *
 * 1. open IMAGE: that descriptor is the code stream the module reads until
 *    end of file;
 * 2. arm a Minos exec with MINOS_IOC_EXEC_ARM on /dev/minos: code fd, the
 *    host files handed to the container (rfd 0 = stdin, wfd 1 = stdout,
 *    wfd 2 = stderr by default) and the architecture; this returns a key;
 * 3. execveat(key, "", {"minos", NULL}, {NULL}, AT_EMPTY_PATH): on success
 *    this process is the container and never comes back here; its exit
 *    status is the container's.
 *
 * Exit statuses of its own failures, as a shell uses them: 125 (options,
 * module, ioctl), 126 (the image cannot be read or run), 127 (no image).
 *
 * Built static: the test VM has nothing but busybox.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <minos.h>

#define MINOS_EXEC_VERSION	"1.0"
/* Overridable at build time for tests of minos-exec alone on a host. */
#ifndef MINOS_DEV
#define MINOS_DEV		"/dev/minos"
#endif

/* MINOS_CODE_MAX in MiB, as a literal for the help text. */
#define MINOS_CODE_MAX_MIB	256
_Static_assert(MINOS_CODE_MAX == (unsigned long)MINOS_CODE_MAX_MIB << 20,
	       "MINOS_CODE_MAX_MIB must match uapi/minos.h");

#define EXIT_OWN		125	/* minos-exec itself failed */
#define EXIT_CANNOT_RUN		126	/* the image cannot be read or run */
#define EXIT_NOT_FOUND		127	/* the image does not exist */

#define STR_(x)			#x
#define STR(x)			STR_(x)

/* As in the kernel (and tools/include/linux/compiler.h). */
#define __printf(a, b)		__attribute__((format(printf, a, b)))
#define __noreturn		__attribute__((noreturn))

/* One descriptor of the container-to-be. */
struct fd_spec {
	unsigned int minos_fd;
	unsigned int type;	/* MINOS_FD_READ or MINOS_FD_WRITE */
	const char *path;	/* file to open, or NULL: host_fd is given */
	int host_fd;		/* the host descriptor, once known */
	const char *arg;	/* the option as given, for messages */
};

static struct fd_spec specs[MINOS_EXEC_MAX_FDS];
static unsigned int nr_specs;

static void __printf(1, 2) msg(const char *fmt, ...)
{
	va_list ap;

	fputs("minos-exec: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static void __noreturn __printf(2, 3) die(int status, const char *fmt, ...)
{
	va_list ap;

	fputs("minos-exec: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(status);
}

static void __noreturn usage_error(void)
{
	fputs("Try 'minos-exec --help' for more information.\n", stderr);
	exit(EXIT_OWN);
}

static void print_help(void)
{
	static const char text[] =
"Usage: minos-exec [OPTIONS] IMAGE\n"
"Run the flat Minos image IMAGE (\"-\": read it from standard input) as the\n"
"first Minos container, in this process: its exit status is the\n"
"container's (128+N, as a shell shows it, when it dies of signal N).\n"
"\n"
"The container gets rfd 0 = standard input, wfd 1 = standard output and\n"
"wfd 2 = standard error (those that are open, with a fitting mode), plus:\n"
"  --rfd N=PATH      rfd N reads the file PATH\n"
"  --rfd N=fd:M      rfd N is this process's descriptor M (open for reading)\n"
"  --wfd N=PATH      wfd N writes the file PATH: created if missing, else\n"
"                    truncated (like the shell's >); to append, use\n"
"                    --wfd N=fd:M with M>>PATH in the shell\n"
"  --wfd N=fd:M      wfd N is this process's descriptor M (open for writing)\n"
"  --no-std          do not hand over standard input, output and error\n"
"  --arch NAME       architecture of the image (default \"" MINOS_ARCH_X86_64
"\")\n"
"  -h, --help        show this help and exit\n"
"  -V, --version     show the version and exit\n"
"A --rfd or --wfd for 0, 1 or 2 replaces that default. rfds and wfds share\n"
"one number space: each N may be given once. Write ./fd:M for a file that\n"
"is really named fd:M. With IMAGE \"-\", rfd 0 is standard input after the\n"
"image, usually at end of file: give another with --rfd 0=...\n"
"\n"
"Exit status: the container's, or\n"
"  125  minos-exec failed: bad options, a descriptor file cannot be opened,\n"
"       the Minos module is not loaded, or it refused the request\n"
"  126  the image cannot be read or run (permission, a directory, empty,\n"
"       larger than " STR(MINOS_CODE_MAX_MIB)
" MiB, unknown architecture, refused by the module)\n"
"  127  the image does not exist\n"
"\n"
"The Minos kernel module must be loaded (sudo insmod minos.ko); it creates\n"
MINOS_DEV ". A seccomp filter that refuses unknown system calls, such as\n"
"Docker's default profile, prevents Minos containers from running.\n";

	fputs(text, stdout);
}

static void print_version(void)
{
	printf("minos-exec " MINOS_EXEC_VERSION " (Minos ABI version "
	       STR(MINOS_ABI_VERSION) ")\n");
}

/* A decimal number 0 .. @max, all of @s; -1 if it is not one. */
static long parse_number(const char *s, size_t len, long max)
{
	long v = 0;
	size_t i;

	if (len == 0)
		return -1;
	for (i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		if (v > (max - (s[i] - '0')) / 10)
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

static const char *type_name(unsigned int type)
{
	return type == MINOS_FD_READ ? "rfd" : "wfd";
}

static struct fd_spec *find_spec(unsigned int minos_fd)
{
	unsigned int i;

	for (i = 0; i < nr_specs; i++)
		if (specs[i].minos_fd == minos_fd)
			return &specs[i];
	return NULL;
}

/* --rfd/--wfd N=PATH or N=fd:M */
static void add_spec(unsigned int type, const char *arg)
{
	const char *eq = strchr(arg, '=');
	const char *target;
	struct fd_spec *s;
	long n;

	if (!eq)
		die(EXIT_OWN, "--%s %s: expected N=PATH or N=fd:M",
		    type_name(type), arg);
	n = parse_number(arg, eq - arg, INT_MAX);
	if (n < 0)
		die(EXIT_OWN, "--%s %s: '%.*s' is not a descriptor number",
		    type_name(type), arg, (int)(eq - arg), arg);
	target = eq + 1;
	if (!*target)
		die(EXIT_OWN, "--%s %s: no file after '='",
		    type_name(type), arg);

	s = find_spec((unsigned int)n);
	if (s)
		die(EXIT_OWN, "descriptor %ld given twice: --%s %s and --%s %s",
		    n, type_name(s->type), s->arg, type_name(type), arg);
	if (nr_specs == MINOS_EXEC_MAX_FDS)
		die(EXIT_OWN, "more than %d descriptors", MINOS_EXEC_MAX_FDS);

	s = &specs[nr_specs++];
	s->minos_fd = (unsigned int)n;
	s->type = type;
	s->arg = arg;
	s->host_fd = -1;
	s->path = NULL;
	if (strncmp(target, "fd:", 3) == 0) {
		long m = parse_number(target + 3, strlen(target + 3), INT_MAX);

		if (m < 0)
			die(EXIT_OWN, "--%s %s: '%s' is not a host descriptor",
			    type_name(type), arg, target + 3);
		s->host_fd = (int)m;
	} else {
		s->path = target;
	}
}

/*
 * Is host descriptor @fd open in a mode that suits @type? NULL if so, else a
 * reason for a message.
 */
static const char *host_fd_problem(int fd, unsigned int type)
{
	int fl = fcntl(fd, F_GETFL);

	if (fl < 0)
		return errno == EBADF ? "is not open" : strerror(errno);
#ifdef O_PATH
	if (fl & O_PATH)
		return "is an O_PATH descriptor";
#endif
	if (type == MINOS_FD_READ && (fl & O_ACCMODE) == O_WRONLY)
		return "is open for writing only";
	if (type == MINOS_FD_WRITE && (fl & O_ACCMODE) == O_RDONLY)
		return "is open for reading only";
	return NULL;
}

/*
 * Check the inherited descriptors (fd:M) and add the defaults, before this
 * program opens anything that could take a closed descriptor's number.
 */
static void check_host_fds(int std)
{
	static const unsigned int std_type[3] = {
		MINOS_FD_READ, MINOS_FD_WRITE, MINOS_FD_WRITE
	};
	struct rlimit rl;
	unsigned int i;
	int fd;

	for (i = 0; i < nr_specs; i++) {
		struct fd_spec *s = &specs[i];
		const char *why;

		if (s->path)
			continue;
		why = host_fd_problem(s->host_fd, s->type);
		if (why)
			die(EXIT_OWN, "--%s %s: host descriptor %d %s",
			    type_name(s->type), s->arg, s->host_fd, why);
	}

	/* Defaults not replaced by an option, skipped if closed or unfit. */
	for (fd = 0; std && fd < 3; fd++) {
		struct fd_spec *s;

		if (find_spec(fd) || host_fd_problem(fd, std_type[fd]))
			continue;
		s = &specs[nr_specs++];
		s->minos_fd = fd;
		s->type = std_type[fd];
		s->path = NULL;
		s->host_fd = fd;
		s->arg = fd == 0 ? "standard input" :
			 fd == 1 ? "standard output" : "standard error";
	}

	/* The container's table is limited by RLIMIT_NOFILE, inherited. */
	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY)
		for (i = 0; i < nr_specs; i++)
			if (specs[i].minos_fd >= rl.rlim_cur)
				die(EXIT_OWN,
				    "--%s %s: descriptor %u is not below the limit on open files (%llu, ulimit -n)",
				    type_name(specs[i].type), specs[i].arg,
				    specs[i].minos_fd,
				    (unsigned long long)rl.rlim_cur);
}

/* Open the image, or take standard input; check what can be checked. */
static int open_image(const char *image)
{
	int stdin_image = strcmp(image, "-") == 0;
	const char *name = stdin_image ? "standard input" : image;
	struct stat st;
	off_t left;
	int fd;

	if (stdin_image) {
		const char *why = host_fd_problem(0, MINOS_FD_READ);

		if (why)
			die(EXIT_CANNOT_RUN,
			    "cannot read the image: standard input %s", why);
		fd = 0;
	} else {
		fd = open(image, O_RDONLY | O_NOCTTY);
		if (fd < 0) {
			int err = errno;

			die(err == ENOENT ? EXIT_NOT_FOUND : EXIT_CANNOT_RUN,
			    "%s: %s", image, strerror(err));
		}
	}

	if (fstat(fd, &st) < 0)
		die(EXIT_CANNOT_RUN, "%s: %s", name, strerror(errno));
	if (S_ISDIR(st.st_mode))
		die(EXIT_CANNOT_RUN, "%s: %s", name, strerror(EISDIR));
	if (!S_ISREG(st.st_mode))
		return fd;	/* a pipe, tty, socket: its length is unknown */

	/* The module reads from the current offset (not 0 for stdin). */
	left = st.st_size;
	if (stdin_image) {
		off_t pos = lseek(fd, 0, SEEK_CUR);

		if (pos > 0)
			left = pos < left ? left - pos : 0;
	}
	if (left == 0)
		die(EXIT_CANNOT_RUN, "%s: the image is empty", name);
	if ((unsigned long long)left > MINOS_CODE_MAX)
		die(EXIT_CANNOT_RUN,
		    "%s: the image is larger than %lu MiB (%lld bytes)",
		    name, MINOS_CODE_MAX >> 20, (long long)left);
	return fd;
}

static int open_minos_dev(void)
{
	int fd = open(MINOS_DEV, O_RDWR | O_CLOEXEC);

	if (fd >= 0)
		return fd;
	if (errno == ENOENT || errno == ENXIO || errno == ENODEV)
		die(EXIT_OWN,
		    "%s: %s: the Minos module is not loaded; load it with 'sudo insmod minos.ko'",
		    MINOS_DEV, strerror(errno));
	die(EXIT_OWN, "%s: %s", MINOS_DEV, strerror(errno));
}

/* Open the PATH of --rfd/--wfd N=PATH. */
static void open_spec_files(void)
{
	unsigned int i;

	for (i = 0; i < nr_specs; i++) {
		struct fd_spec *s = &specs[i];
		struct stat st;

		if (!s->path)
			continue;
		if (s->type == MINOS_FD_READ)
			s->host_fd = open(s->path, O_RDONLY | O_NOCTTY);
		else
			s->host_fd = open(s->path, O_WRONLY | O_CREAT |
					  O_TRUNC | O_NOCTTY, 0666);
		if (s->host_fd < 0)
			die(EXIT_OWN, "--%s %s: %s: %s", type_name(s->type),
			    s->arg, s->path, strerror(errno));
		if (fstat(s->host_fd, &st) == 0 && S_ISDIR(st.st_mode))
			die(EXIT_OWN, "--%s %s: %s: %s", type_name(s->type),
			    s->arg, s->path, strerror(EISDIR));
	}
}

static int arm(int dev, int code_fd, const char *arch, const char *image)
{
	static struct minos_exec_fd fds[MINOS_EXEC_MAX_FDS];
	struct minos_exec_arm req;
	unsigned int i;
	int key;

	memset(fds, 0, sizeof(fds));
	for (i = 0; i < nr_specs; i++) {
		fds[i].host_fd = specs[i].host_fd;
		fds[i].minos_fd = specs[i].minos_fd;
		fds[i].type = specs[i].type;
	}
	memset(&req, 0, sizeof(req));
	req.code_fd = code_fd;
	req.nr_fds = nr_specs;
	req.fds = (__u64)(unsigned long)fds;
	req.arch = (__u64)(unsigned long)arch;
	req.arch_len = strlen(arch);
	req.flags = 0;

	key = ioctl(dev, MINOS_IOC_EXEC_ARM, &req);
	if (key >= 0)
		return key;

	switch (errno) {
	case ENOEXEC:
		die(EXIT_CANNOT_RUN,
		    "cannot run %s: the Minos module does not know the architecture '%s'",
		    image, arch);
	case EFBIG:
		die(EXIT_CANNOT_RUN, "cannot run %s: %s", image,
		    strerror(errno));
	case ENOTTY:
		die(EXIT_OWN,
		    "%s does not accept the request (%s): is the loaded module for Minos ABI version %d?",
		    MINOS_DEV, strerror(errno), MINOS_ABI_VERSION);
	case EBADF:
		die(EXIT_OWN,
		    "%s refused a descriptor (%s): check the --rfd/--wfd files",
		    MINOS_DEV, strerror(errno));
	default:
		die(EXIT_OWN, "%s: arming the exec failed: %s", MINOS_DEV,
		    strerror(errno));
	}
}

int main(int argc, char **argv)
{
	static const struct option options[] = {
		{ "rfd",	required_argument,	NULL, 'r' },
		{ "wfd",	required_argument,	NULL, 'w' },
		{ "no-std",	no_argument,		NULL, 'n' },
		{ "arch",	required_argument,	NULL, 'a' },
		{ "help",	no_argument,		NULL, 'h' },
		{ "version",	no_argument,		NULL, 'V' },
		{ NULL,		0,			NULL, 0 },
	};
	char *const exec_argv[] = { "minos", NULL };
	char *const exec_envp[] = { NULL };
	const char *arch = MINOS_ARCH_X86_64;
	const char *image;
	int std = 1;
	int code_fd, dev, key, opt;

	opterr = 0;
	while ((opt = getopt_long(argc, argv, "+:hV", options, NULL)) != -1) {
		switch (opt) {
		case 'r':
			add_spec(MINOS_FD_READ, optarg);
			break;
		case 'w':
			add_spec(MINOS_FD_WRITE, optarg);
			break;
		case 'n':
			std = 0;
			break;
		case 'a':
			arch = optarg;
			break;
		case 'h':
			print_help();
			return 0;
		case 'V':
			print_version();
			return 0;
		case ':':
			msg("option '%s' needs an argument", argv[optind - 1]);
			usage_error();
		default:
			if (optopt)
				msg("unknown option '-%c'", optopt);
			else
				msg("unknown option '%s'", argv[optind - 1]);
			usage_error();
		}
	}
	if (optind >= argc) {
		msg("no image given");
		usage_error();
	}
	if (argc - optind > 1) {
		msg("one image only, and nothing after it: '%s'",
		    argv[optind + 1]);
		usage_error();
	}
	image = argv[optind];
	if (!*image) {
		msg("the image name is empty");
		usage_error();
	}
	if (!*arch || strlen(arch) > MINOS_ARCH_NAME_MAX)
		die(EXIT_OWN, "--arch '%s': a name of 1 to %d bytes is needed",
		    arch, MINOS_ARCH_NAME_MAX);

	/*
	 * Order matters: inherited descriptors are checked before anything
	 * is opened; the image is checked before the module, so that a
	 * missing image is reported as such; files named by --wfd are created
	 * only once the module is known to be there.
	 */
	check_host_fds(std);
	code_fd = open_image(image);
	dev = open_minos_dev();
	open_spec_files();
	key = arm(dev, code_fd, arch, image);

	syscall(SYS_execveat, key, "", exec_argv, exec_envp, AT_EMPTY_PATH);

	/* Still here: the exec failed and this process is unchanged. */
	switch (errno) {
	case ENOSYS:
	case EPERM:
		msg("execveat: %s", strerror(errno));
		die(EXIT_OWN,
		    "a seccomp filter (such as Docker's default profile) may block it, and would block Minos calls too");
	default:
		die(EXIT_CANNOT_RUN, "cannot run %s: execveat: %s",
		    strcmp(image, "-") ? image : "standard input",
		    strerror(errno));
	}
}

function computor_exec()
  % Runs one collection of a MATLAB-language test in a fresh session (GNU Octave or MATLAB): the
  % entry script, set-up and tear-down code in the base workspace, then the requested names read
  % back and written after a marker line as JSON. The runner judges; this only executes.
  plan = jsondecode(getenv('COMPUTOR_PLAN'));
  setenv('COMPUTOR_PLAN', '');
  marker = plan.marker;
  answer = struct('error', '', 'names', {{}}, 'figures', {{}});
  try
    prepare(plan);
    answer.error = run_steps(plan);
  catch failure
    answer.error = failure.message;
  end
  % Student files could shadow functions the rest of this program calls.
  cd(tempdir());
  rmpath(plan.directory);
  values = {};
  for i = 1:numel(plan.names)
    name = plan.names{i};
    try
      value = evalin('base', [name, ';']);
      values{end + 1} = [encode_string(name), ':', describe(value)];
    catch
      % A name the code did not define is simply absent; the runner reports it.
    end
  end
  figures = {};
  if plan.storeGraphics
    [figures, artifacts] = save_figures(plan);
  else
    artifacts = {};
  end
  fprintf(1, '\n%s\n{"error":%s,"values":{%s},"figures":[%s],"artifacts":[%s]}', marker, ...
    encode_string(answer.error), strjoin(values, ','), strjoin(cellfun(@encode_string, figures, 'UniformOutput', false), ','), ...
    strjoin(artifacts, ','));
end

function prepare(plan)
  % The code runs on a copy in the sandbox's own /tmp, never where it was mounted.
  mkdir(plan.directory);
  copyfile(fullfile(plan.source, '*'), plan.directory);
  cd(plan.directory);
  addpath(plan.directory);
  if exist('OCTAVE_VERSION', 'builtin')
    rand('seed', 1); randn('seed', 1); rand('state', 1); randn('state', 1);
    % gnuplot is the toolkit that draws without a display; its notice is not the student's warning.
    warning('off', 'Octave:gnuplot-graphics');
    graphics_toolkit('gnuplot');
  else
    rng(1);
  end
  set(0, 'defaultfigurevisible', 'off');
end

function message = run_steps(plan)
  message = '';
  try
    if ~isempty(plan.entry)
      evalin('base', ['run(''', strrep(fullfile(plan.directory, plan.entry), '''', ''''''), ''');']);
    end
    if ~isempty(plan.setUpCode)
      evalin('base', plan.setUpCode);
    end
    if ~isempty(plan.tearDownCode)
      evalin('base', plan.tearDownCode);
    end
  catch failure
    message = failure.message;
    if isempty(message)
      message = 'error';
    end
  end
end

function [names, artifacts] = save_figures(plan)
  names = {};
  artifacts = {};
  handles = sort(get(0, 'children'));
  mkdir(plan.artifacts);
  for i = 1:numel(handles)
    name = sprintf('%s_figure%d.png', plan.key, i);
    path = fullfile(plan.artifacts, name);
    try
      if exist('OCTAVE_VERSION', 'builtin')
        print(handles(i), path, '-dpngcairo');
      else
        print(handles(i), path, '-dpng');
      end
      fid = fopen(path, 'r');
      data = fread(fid, Inf, 'uint8=>uint8')';
      fclose(fid);
      if numel(data) <= 5 * 1024 * 1024
        names{end + 1} = name;
        artifacts{end + 1} = sprintf('{"name":%s,"data":"%s"}', encode_string(name), matlab.net.base64encode(data));
      end
    catch
      % A figure that cannot be printed is not stored; the graphics tests still read its handles.
    end
  end
end

% Arrays and cells carry their size; text its length; a scalar (1-by-1 in MATLAB) compares as a number.
function text = describe(value)
  kind = kind_of(value);
  if strcmp(kind, 'str')
    size_text = sprintf(',"length":%d', numel(value));
  elseif any(strcmp(kind, {'ndarray', 'list'}))
    shape = sprintf('%d,', size(value));
    size_text = sprintf(',"shape":[%s]', shape(1:end - 1));
  else
    size_text = '';
  end
  text = sprintf('{"type":%s,"kind":"%s","value":%s,"str":%s%s}', encode_string(class(value)), kind, ...
    encode_value(value, 0), encode_string(shown(value)), size_text);
end

function kind = kind_of(value)
  if islogical(value) && isscalar(value)
    kind = 'bool';
  elseif isnumeric(value) && isscalar(value)
    kind = 'number';
  elseif ischar(value) && (isrow(value) || isempty(value))
    kind = 'str';
  elseif iscell(value)
    kind = 'list';
  elseif isstruct(value) && isscalar(value)
    kind = 'dict';
  elseif isnumeric(value) || islogical(value)
    kind = 'ndarray';
  else
    kind = 'object';
  end
end

function text = shown(value)
  try
    text = strtrim(evalc('disp(value)'));
  catch
    text = class(value);
  end
  if numel(text) > 100000
    text = text(1:100000);
  end
end

function text = encode_value(value, depth)
  if depth > 100 || numel(value) > 1000000
    text = '{"$repr":"<value too large to compare>"}';
  elseif ischar(value) && (isrow(value) || isempty(value))
    text = encode_string(value);
  elseif ischar(value)
    text = encode_list(cellstr(value), depth);
  elseif (isnumeric(value) || islogical(value)) && isscalar(value)
    text = encode_number(value);
  elseif isnumeric(value) || islogical(value)
    shape = sprintf('%d,', size(value));
    text = sprintf('{"$ndarray":{"shape":[%s],"dtype":%s,"data":%s}}', shape(1:end - 1), encode_string(class(value)), ...
      encode_array(value, depth));
  elseif iscell(value)
    if isvector(value) || isempty(value)
      text = encode_list(value(:)', depth);
    else
      rows = cell(1, size(value, 1));
      for r = 1:size(value, 1)
        rows{r} = encode_list(value(r, :), depth + 1);
      end
      text = ['[', strjoin(rows, ','), ']'];
    end
  elseif isstruct(value) && isscalar(value)
    fields = fieldnames(value);
    pairs = cell(1, numel(fields));
    for i = 1:numel(fields)
      pairs{i} = sprintf('[%s,%s]', encode_string(fields{i}), encode_value(value.(fields{i}), depth + 1));
    end
    text = ['{"$dict":[', strjoin(pairs, ','), ']}'];
  elseif isstruct(value)
    items = arrayfun(@(s) encode_value(s, depth + 1), value(:)', 'UniformOutput', false);
    text = ['[', strjoin(items, ','), ']'];
  elseif isa(value, 'function_handle')
    text = sprintf('{"$repr":%s}', encode_string(func2str(value)));
  else
    text = sprintf('{"$repr":%s}', encode_string(shown(value)));
  end
end

function text = encode_list(items, depth)
  parts = cell(1, numel(items));
  for i = 1:numel(items)
    parts{i} = encode_value(items{i}, depth + 1);
  end
  text = ['[', strjoin(parts, ','), ']'];
end

% Vectors are flat lists (a test.yaml value [1, 2, 3] matches a row or a column); matrices are lists of rows.
function text = encode_array(value, depth)
  if isvector(value) || isempty(value)
    parts = arrayfun(@encode_number, value(:)', 'UniformOutput', false);
    text = ['[', strjoin(parts, ','), ']'];
  elseif ndims(value) == 2
    rows = cell(1, size(value, 1));
    for r = 1:size(value, 1)
      parts = arrayfun(@encode_number, value(r, :), 'UniformOutput', false);
      rows{r} = ['[', strjoin(parts, ','), ']'];
    end
    text = ['[', strjoin(rows, ','), ']'];
  else
    dims = size(value);
    pages = cell(1, dims(end));
    index = repmat({':'}, 1, ndims(value) - 1);
    for p = 1:numel(pages)
      pages{p} = encode_array(reshape(value(index{:}, p), dims(1:end - 1)), depth + 1);
    end
    text = ['[', strjoin(pages, ','), ']'];
  end
end

function text = encode_number(x)
  if islogical(x)
    if x
      text = 'true';
    else
      text = 'false';
    end
  elseif ~isreal(x)
    text = sprintf('{"$complex":[%s,%s]}', encode_number(real(x)), encode_number(imag(x)));
  elseif isnan(x)
    text = '{"$float":"nan"}';
  elseif isinf(x)
    if x > 0
      text = '{"$float":"inf"}';
    else
      text = '{"$float":"-inf"}';
    end
  elseif isinteger(x)
    text = sprintf('%d', x);
  else
    text = sprintf('%.17g', double(x));
  end
end

function text = encode_string(value)
  value = char(value);
  value = strrep(value, '\', '\\');
  value = strrep(value, '"', '\"');
  value = strrep(value, sprintf('\n'), '\n');
  value = strrep(value, sprintf('\r'), '\r');
  value = strrep(value, sprintf('\t'), '\t');
  control = value < 32;
  if any(control)
    parts = arrayfun(@(c) sprintf('\\u%04x', double(c)), value, 'UniformOutput', false);
    plain = arrayfun(@(c) c, value, 'UniformOutput', false);
    plain(control) = parts(control);
    value = [plain{:}];
  end
  text = ['"', value, '"'];
end
